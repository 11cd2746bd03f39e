#include "hexdumpview.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QVarLengthArray>

#include <cmath>

namespace sockscope {

namespace {

constexpr int BytesPerLine = HexDump::BytesPerLine;
constexpr int GroupSize = 8;
// Characters of a dump line besides the offset digits: "  ", 16 × "XX ", the
// group gap, " |", 16 text characters and the closing '|'.
constexpr int FixedLineChars = 2 + BytesPerLine * 3 + 1 + 2 + BytesPerLine + 1;
constexpr int CArrayPerLine = 12;

QColor mix(const QColor &a, const QColor &b, qreal weightOfB)
{
    const qreal w = weightOfB;
    return QColor::fromRgbF(float(a.redF() * (1 - w) + b.redF() * w),
                            float(a.greenF() * (1 - w) + b.greenF() * w),
                            float(a.blueF() * (1 - w) + b.blueF() * w));
}

} // namespace

HexDumpView::HexDumpView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);

    auto makeAction = [this](const QString &text, const char *name, void (HexDumpView::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_copyHex = makeAction(tr("Copy as Hex"), "copyHexAction", &HexDumpView::copyAsHex);
    m_copyText = makeAction(tr("Copy as Text"), "copyTextAction", &HexDumpView::copyAsText);
    m_copyCArray =
        makeAction(tr("Copy as C Array"), "copyCArrayAction", &HexDumpView::copyAsCArray);
    m_copyDump = makeAction(tr("Copy Hex Dump"), "copyDumpAction", &HexDumpView::copyHexDump);
    m_selectAll = makeAction(tr("Select All"), "selectAllAction", &HexDumpView::selectAll);
    // The keys are handled in keyPressEvent; the actions only live in the
    // context menu, so these shortcuts are for display and never fire twice.
    m_copyHex->setShortcut(QKeySequence::Copy);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    for (QAction *a : {m_copyHex, m_selectAll}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        a->setShortcutVisibleInContextMenu(true);
    }

    updateMetrics();
    setBytes({});
}

HexDumpView::~HexDumpView() = default;

void HexDumpView::setBytes(const QByteArray &bytes, quint64 baseOffset)
{
    const auto oldSelection = selection();
    m_bytes = bytes;
    m_baseOffset = baseOffset;
    m_lineCount = HexDump::lineCount(m_bytes.size());
    m_lineChars = HexDump::lineWidth(baseOffset + quint64(m_bytes.size()));
    m_offsetDigits = m_lineChars - FixedLineChars;
    m_anchor = m_cursor = m_hover = -1;
    m_dragging = false;

    verticalScrollBar()->setValue(0);
    updateScrollBars();
    updateActions();
    updateGeometry();
    viewport()->update();
    if (selection() != oldSelection)
        emit selectionChanged(0, 0);
}

void HexDumpView::clear()
{
    setBytes({});
}

QPair<qint64, qint64> HexDumpView::selection() const
{
    if (m_cursor < 0)
        return {0, 0};
    const qint64 start = qMin(m_anchor, m_cursor);
    return {start, qMax(m_anchor, m_cursor) - start + 1};
}

void HexDumpView::setSelection(qint64 start, qint64 length)
{
    if (length <= 0 || m_bytes.isEmpty() || start >= m_bytes.size()) {
        clearSelection();
        return;
    }
    start = qMax<qint64>(0, start);
    const qint64 end = qMin<qint64>(start + length, m_bytes.size()) - 1;
    setAnchorAndCursor(start, end);
    ensureByteVisible(end);
}

void HexDumpView::clearSelection()
{
    setAnchorAndCursor(-1, -1);
}

void HexDumpView::selectAll()
{
    if (m_bytes.isEmpty())
        return;
    // Keep the view where it is: the whole payload can be huge.
    setAnchorAndCursor(0, m_bytes.size() - 1);
}

QByteArrayView HexDumpView::selectedBytes() const
{
    const QByteArrayView all(m_bytes);
    if (m_cursor < 0)
        return all;
    const auto [start, length] = selection();
    return all.sliced(start, length);
}

// --- geometry ---------------------------------------------------------------

void HexDumpView::updateMetrics()
{
    const QFontMetricsF fm(font());
    // Averaged over a run of characters so that the grid matches what
    // drawText() produces for a whole run, even with fractional advances.
    constexpr int Probe = 64;
    m_charWidth = qMax<qreal>(1, fm.horizontalAdvance(QString(Probe, QLatin1Char('0'))) / Probe);
    m_lineHeight = qMax(1, int(std::ceil(fm.lineSpacing())));
    m_ascent = int(std::ceil(fm.ascent()));
    m_padding = m_charWidth / 2;
}

int HexDumpView::visibleLines() const
{
    return qMax(1, viewport()->height() / m_lineHeight);
}

void HexDumpView::updateScrollBars()
{
    const int pageLines = visibleLines();
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, int(qMax<qint64>(0, m_lineCount - pageLines)));
    v->setPageStep(pageLines);
    v->setSingleStep(1);

    const int contentWidth = int(std::ceil(2 * m_padding + m_lineChars * m_charWidth));
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, qMax(0, contentWidth - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(qMax(1, int(m_charWidth)));
}

qreal HexDumpView::columnX(int column) const
{
    return m_padding + column * m_charWidth - horizontalScrollBar()->value();
}

int HexDumpView::hexColumn(int byteInLine) const
{
    return m_offsetDigits + 2 + byteInLine * 3 + (byteInLine >= GroupSize ? 1 : 0);
}

int HexDumpView::textColumn(int byteInLine) const
{
    return m_offsetDigits + 2 + BytesPerLine * 3 + 1 + 2 + byteInLine;
}

QRect HexDumpView::byteRect(qint64 index, Column column) const
{
    if (index < 0 || index >= m_bytes.size())
        return {};
    const qint64 line = index / BytesPerLine;
    const int k = int(index % BytesPerLine);
    const qreal y = qreal(line - verticalScrollBar()->value()) * m_lineHeight;
    // A hex cell takes half of the space on either side, so neighbouring
    // selected bytes join up and a click between two pairs still hits one.
    const QRectF r =
        column == Column::Hex
            ? QRectF(columnX(hexColumn(k)) - m_charWidth / 2, y, 3 * m_charWidth, m_lineHeight)
            : QRectF(columnX(textColumn(k)), y, m_charWidth, m_lineHeight);
    return r.toAlignedRect();
}

qint64 HexDumpView::byteAt(const QPoint &viewportPos) const
{
    return hitTest(viewportPos, false);
}

qint64 HexDumpView::hitTest(const QPoint &pos, bool clampToData) const
{
    if (m_bytes.isEmpty())
        return -1;
    int y = pos.y();
    if (clampToData)
        y = qBound(0, y, qMax(0, viewport()->height() - 1));
    else if (y < 0)
        return -1;
    qint64 line = verticalScrollBar()->value() + y / m_lineHeight;
    if (line >= m_lineCount) {
        if (!clampToData)
            return -1;
        line = m_lineCount - 1;
    }
    const int count = int(qMin<qint64>(BytesPerLine, m_bytes.size() - line * BytesPerLine));

    // Position in character columns, measured from the left of the grid.
    const qreal col = (pos.x() - columnX(0)) / m_charWidth;
    const bool inText = col >= textColumn(0) - 1.5;
    int k = -1;
    if (inText) {
        k = int(std::floor(col - textColumn(0)));
        if (k < 0 || k >= count) {
            if (!clampToData)
                return -1;
            k = qBound(0, k, count - 1);
        }
    } else {
        // Cells are [hexColumn(k) - 0.5, hexColumn(k) + 2.5); the group gap
        // between bytes 7 and 8 belongs to neither.
        const qreal rel = col - hexColumn(0) + 0.5;
        const qreal relHigh = col - hexColumn(GroupSize) + 0.5;
        if (rel >= 0 && rel < GroupSize * 3)
            k = int(rel / 3);
        else if (relHigh >= 0 && relHigh < (BytesPerLine - GroupSize) * 3)
            k = GroupSize + int(relHigh / 3);
        if (k >= count)
            k = -1;
        if (k < 0) {
            if (!clampToData)
                return -1;
            if (rel < 0)
                k = 0;
            else if (relHigh < 0)
                k = GroupSize - 1 + (relHigh > -0.5 ? 1 : 0);
            else
                k = BytesPerLine - 1;
            k = qMin(k, count - 1);
        }
    }
    return line * BytesPerLine + k;
}

void HexDumpView::ensureByteVisible(qint64 index)
{
    if (index < 0 || index >= m_bytes.size())
        return;
    const qint64 line = index / BytesPerLine;
    QScrollBar *v = verticalScrollBar();
    if (line < v->value())
        v->setValue(int(line));
    else if (line >= v->value() + visibleLines())
        v->setValue(int(line - visibleLines() + 1));

    const QRect cell = byteRect(index, Column::Hex);
    QScrollBar *h = horizontalScrollBar();
    if (cell.left() < 0)
        h->setValue(h->value() + cell.left());
    else if (cell.right() >= viewport()->width())
        h->setValue(h->value() + cell.right() - viewport()->width() + 1);
}

QSize HexDumpView::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const int w = int(std::ceil(2 * m_padding + m_lineChars * m_charWidth)) + frame +
                  verticalScrollBar()->sizeHint().width();
    return {w, 16 * m_lineHeight + frame};
}

QSize HexDumpView::minimumSizeHint() const
{
    // Room for the offset and a few bytes; the rest scrolls sideways.
    const int frame = 2 * frameWidth();
    const int w = int(std::ceil(2 * m_padding + (m_offsetDigits + 2 + 6 * 3) * m_charWidth)) +
                  frame + verticalScrollBar()->sizeHint().width();
    return {w, 3 * m_lineHeight + frame + horizontalScrollBar()->sizeHint().height()};
}

// --- painting ---------------------------------------------------------------

// The colours of one paint, all derived from the palette.
struct HexDumpView::Colours
{
    QColor text;
    QColor alternate;       // offset column and text gutter
    QColor dimText;         // offsets and gutter characters
    QColor highlightedText; // selected bytes
    QColor hoverFill;
    QColor cursorPen;
};

// One visible line being painted: where it is and which of its bytes are selected.
struct HexDumpView::PaintedLine
{
    qint64 start = 0;  // index of its first byte
    int count = 0;     // bytes on it
    int y = 0;         // viewport y of its top
    int k0 = -1;       // first selected byte on it, -1 when none
    int k1 = -1;       // last selected byte on it (inclusive)
    QStringView chars; // its formatted characters
};

HexDumpView::Colours HexDumpView::colours() const
{
    const QPalette &pal = palette();
    const QColor base = pal.base().color();
    Colours c;
    c.text = pal.text().color();
    c.alternate = pal.alternateBase().color();
    if (c.alternate == base)
        c.alternate = mix(base, c.text, 0.06);
    c.dimText = mix(c.text, base, 0.45);
    c.highlightedText = pal.highlightedText().color();
    c.hoverFill = c.text;
    c.hoverFill.setAlphaF(0.16f);
    c.cursorPen = c.text;
    c.cursorPen.setAlphaF(hasFocus() ? 0.85f : 0.45f);
    return c;
}

void HexDumpView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    p.fillRect(area, palette().base());
    if (m_bytes.isEmpty())
        return; // nothing selected: a plain pane rather than empty column stripes

    const Colours colours = this->colours();
    paintBackground(p, area, colours);
    p.setFont(font());
    const qint64 first = verticalScrollBar()->value();
    const qint64 last = qMin(m_lineCount, first + area.height() / m_lineHeight + 2);
    const auto [selStart, selLength] = selection();
    const qint64 selEnd = selStart + selLength - 1;

    // One buffer and one string for all visible lines: nothing is allocated per line.
    QVarLengthArray<char, 128> buffer(m_lineChars);
    QString text(m_lineChars, QLatin1Char(' '));
    QChar *lineChars = text.data();

    for (qint64 l = first; l < last; ++l) {
        PaintedLine line;
        line.start = l * BytesPerLine;
        line.count = int(qMin<qint64>(BytesPerLine, m_bytes.size() - line.start));
        line.y = int(l - first) * m_lineHeight;
        const int n = HexDump::formatLine(buffer.data(), m_bytes, l, m_baseOffset);
        for (int i = 0; i < n; ++i)
            lineChars[i] = QLatin1Char(buffer[i]);
        line.chars = QStringView(lineChars, n);
        if (selLength > 0 && selStart < line.start + line.count && selEnd >= line.start) {
            line.k0 = int(qMax(selStart, line.start) - line.start);
            line.k1 = int(qMin(selEnd, line.start + line.count - 1) - line.start);
        }
        paintLine(p, line, colours);
    }
}

// Offset column and text gutter get their own background, full height.
void HexDumpView::paintBackground(QPainter &p, const QRect &area, const Colours &colours) const
{
    const qreal offsetRight = columnX(m_offsetDigits) + m_charWidth;
    p.fillRect(QRectF(area.left(), area.top(), offsetRight - area.left(), area.height()),
               colours.alternate);
    const qreal gutterLeft = columnX(textColumn(0) - 1) - m_charWidth / 2;
    const qreal gutterRight = columnX(textColumn(BytesPerLine) + 1) + m_charWidth / 2;
    p.fillRect(QRectF(gutterLeft, area.top(), gutterRight - gutterLeft, area.height()),
               colours.alternate);
}

void HexDumpView::paintLine(QPainter &p, const PaintedLine &line, const Colours &colours) const
{
    paintHighlights(p, line, colours);
    paintRuns(p, line, colours);
    paintCursor(p, line, colours);
}

// The cells of bytes k0..k1 of the line at y, in the hex or the text column.
QRectF HexDumpView::cellsRect(int y, int k0, int k1, Column column) const
{
    if (column == Column::Hex)
        return QRectF(columnX(hexColumn(k0)) - m_charWidth / 2, y,
                      (hexColumn(k1) - hexColumn(k0) + 3) * m_charWidth, m_lineHeight);
    return QRectF(columnX(textColumn(k0)), y, (k1 - k0 + 1) * m_charWidth, m_lineHeight);
}

// Selection and hover fills, behind the characters.
void HexDumpView::paintHighlights(QPainter &p, const PaintedLine &line,
                                  const Colours &colours) const
{
    if (line.k0 >= 0) {
        for (Column c : {Column::Hex, Column::Text})
            p.fillRect(cellsRect(line.y, line.k0, line.k1, c), palette().highlight());
    }
    if (m_hover >= line.start && m_hover < line.start + line.count) {
        const int k = int(m_hover - line.start);
        for (Column c : {Column::Hex, Column::Text})
            p.fillRect(cellsRect(line.y, k, k, c), colours.hoverFill);
    }
}

// Runs of one colour each, drawn at their grid positions.
void HexDumpView::paintRuns(QPainter &p, const PaintedLine &line, const Colours &colours) const
{
    const int n = int(line.chars.size());
    auto run = [&](int from, int to, const QColor &colour) {
        to = qMin(to, n);
        if (from >= to)
            return;
        p.setPen(colour);
        p.drawText(QPointF(columnX(from), line.y + m_ascent),
                   QString::fromRawData(line.chars.data() + from, to - from));
    };
    const int k0 = line.k0;
    const int k1 = line.k1;
    const int count = line.count;
    const int hexEnd = textColumn(0) - 1;
    run(0, m_offsetDigits, colours.dimText);
    if (k0 >= 0) {
        run(m_offsetDigits, hexColumn(k0), colours.text);
        run(hexColumn(k0), hexColumn(k1) + 2, colours.highlightedText);
        run(hexColumn(k1) + 2, hexEnd, colours.text);
    } else {
        run(m_offsetDigits, hexEnd, colours.text);
    }
    run(hexEnd, textColumn(0), colours.dimText);
    if (k0 >= 0) {
        run(textColumn(0), textColumn(k0), colours.text);
        run(textColumn(k0), textColumn(k1 + 1), colours.highlightedText);
        run(textColumn(k1 + 1), textColumn(count), colours.text);
    } else {
        run(textColumn(0), textColumn(count), colours.text);
    }
    run(textColumn(count), n, colours.dimText);
}

void HexDumpView::paintCursor(QPainter &p, const PaintedLine &line, const Colours &colours) const
{
    if (m_cursor < line.start || m_cursor >= line.start + line.count)
        return;
    const int k = int(m_cursor - line.start);
    p.setPen(QPen(colours.cursorPen, 0)); // cosmetic: one device pixel at any scale
    p.setBrush(Qt::NoBrush);
    for (Column c : {Column::Hex, Column::Text})
        p.drawRect(cellsRect(line.y, k, k, c).adjusted(0, 0, -1, -1));
}

// --- events -----------------------------------------------------------------

bool HexDumpView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Copy and Select All act on this view, not on a window-wide action.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool HexDumpView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave)
        setHover(-1);
    return QAbstractScrollArea::viewportEvent(event);
}

void HexDumpView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexDumpView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
        updateGeometry();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange)
        viewport()->update();
}

void HexDumpView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyAsHex();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_Escape && hasSelection()) {
        clearSelection();
        return;
    }
    if (m_bytes.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }

    const qint64 size = m_bytes.size();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const qint64 page = qint64(visibleLines()) * BytesPerLine;
    const bool hadCursor = m_cursor >= 0;
    const qint64 cur = hadCursor ? m_cursor : 0;
    const qint64 lineStart = cur - cur % BytesPerLine;
    qint64 target = 0;
    switch (event->key()) {
    case Qt::Key_Left:
        target = cur - 1;
        break;
    case Qt::Key_Right:
        target = cur + 1;
        break;
    case Qt::Key_Up:
        target = cur - BytesPerLine;
        break;
    case Qt::Key_Down:
        target = cur + BytesPerLine;
        break;
    case Qt::Key_PageUp:
        target = cur - page;
        break;
    case Qt::Key_PageDown:
        target = cur + page;
        break;
    case Qt::Key_Home:
        target = ctrl ? 0 : lineStart;
        break;
    case Qt::Key_End:
        target = ctrl ? size - 1 : lineStart + BytesPerLine - 1;
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    // The first key press only picks a byte to start from (the first one,
    // or the last for Ctrl+End).
    if (!hadCursor && !(ctrl && event->key() == Qt::Key_End))
        target = 0;
    moveCursorTo(qBound<qint64>(0, target, size - 1), extend);
    event->accept();
}

void HexDumpView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::RightButton) {
        // Right-click outside the selection selects the byte under the mouse,
        // so the context menu acts on what was clicked.
        const qint64 index = hitTest(pos, false);
        const auto [start, length] = selection();
        if (index >= 0 && (index < start || index >= start + length))
            setAnchorAndCursor(index, index);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if ((event->modifiers() & Qt::ShiftModifier) && hasSelection()) {
        moveCursorTo(hitTest(pos, true), true);
        m_dragging = true;
        return;
    }
    const qint64 index = hitTest(pos, false);
    if (index < 0) {
        clearSelection();
        return;
    }
    setAnchorAndCursor(index, index);
    m_dragging = true;
}

void HexDumpView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_dragging && (event->buttons() & Qt::LeftButton)) {
        // Dragging past the top or bottom scrolls a line per move.
        QScrollBar *v = verticalScrollBar();
        if (pos.y() < 0)
            v->setValue(v->value() - 1);
        else if (pos.y() >= viewport()->height())
            v->setValue(v->value() + 1);
        moveCursorTo(hitTest(pos, true), true);
    }
    setHover(hitTest(pos, false));
}

void HexDumpView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragging = false;
}

void HexDumpView::contextMenuEvent(QContextMenuEvent *event)
{
    updateActions();
    QMenu menu(this);
    menu.addAction(m_copyHex);
    menu.addAction(m_copyText);
    menu.addAction(m_copyCArray);
    menu.addAction(m_copyDump);
    menu.addSeparator();
    menu.addAction(m_selectAll);
    menu.exec(event->globalPos());
}

// --- selection --------------------------------------------------------------

void HexDumpView::moveCursorTo(qint64 index, bool extend)
{
    if (index < 0)
        return;
    const qint64 anchor = extend && m_anchor >= 0 ? m_anchor : index;
    setAnchorAndCursor(anchor, index);
    ensureByteVisible(index);
}

void HexDumpView::setAnchorAndCursor(qint64 anchor, qint64 cursor)
{
    const auto before = selection();
    const qint64 oldCursor = m_cursor;
    m_anchor = anchor;
    m_cursor = cursor;
    const auto after = selection();
    if (after != before || oldCursor != cursor)
        viewport()->update();
    if (after != before)
        emit selectionChanged(after.first, after.second);
}

void HexDumpView::setHover(qint64 index)
{
    if (index == m_hover)
        return;
    m_hover = index;
    viewport()->update();
}

void HexDumpView::updateActions()
{
    const bool any = !m_bytes.isEmpty();
    for (QAction *a : {m_copyHex, m_copyText, m_copyCArray, m_copyDump, m_selectAll})
        a->setEnabled(any);
}

// --- copy -------------------------------------------------------------------

QString HexDumpView::hexText(QByteArrayView data)
{
    return toHexString(data, ' ');
}

QString HexDumpView::decodedText(QByteArrayView data, Encoding enc)
{
    // Replacement characters rather than \xNN for invalid bytes: after
    // escapeForDisplay a "\xNN" from the decoder could not be told apart from
    // the same four characters in the data.
    return escapeForDisplay(decodeText(data, enc, InvalidBytes::Replacement));
}

QString HexDumpView::cArray(QByteArrayView data)
{
    if (data.isEmpty())
        return {};
    static constexpr char digits[] = "0123456789ABCDEF";
    QByteArray out = "const unsigned char data[" + QByteArray::number(data.size()) + "] = {";
    const bool wrap = data.size() > CArrayPerLine;
    out.reserve(out.size() + data.size() * 6 + data.size() / CArrayPerLine * 5 + 8);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (i % CArrayPerLine == 0)
            out += wrap ? "\n    " : " ";
        else
            out += ' ';
        const auto b = uchar(data[i]);
        out += '0';
        out += 'x';
        out += digits[b >> 4];
        out += digits[b & 0xF];
        if (i + 1 < data.size())
            out += ',';
    }
    out += wrap ? "\n};" : " };";
    return QString::fromLatin1(out);
}

QString HexDumpView::dumpText(QByteArrayView data, quint64 baseOffset)
{
    return QString::fromLatin1(hexDump(data, baseOffset));
}

void HexDumpView::copyToClipboard(const QString &text)
{
    if (!m_bytes.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void HexDumpView::copyAsHex()
{
    copyToClipboard(hexText(selectedBytes()));
}

void HexDumpView::copyAsText()
{
    copyToClipboard(decodedText(selectedBytes(), m_encoding));
}

void HexDumpView::copyAsCArray()
{
    copyToClipboard(cArray(selectedBytes()));
}

void HexDumpView::copyHexDump()
{
    copyToClipboard(dumpText(selectedBytes(), m_baseOffset + quint64(selection().first)));
}

} // namespace sockscope
