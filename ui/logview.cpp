#include "logview.h"

#include "logmodel.h"
#include "paintthrottle.h"

#include <QApplication>
#include <QCache>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <algorithm>

namespace sockscope {

// Paints the Data column. One line: elided in the middle, from a cache of laid-out lines.
// Several lines: the text wraps (anywhere, since payloads rarely have spaces) into at most
// maxLines lines within the fixed row height, the last one elided in the middle.
class LogDataDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setMaxLines(int lines) { m_maxLines = qMax(1, lines); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QFontMetrics fm(opt.font);
        const int linesShown = qBound(1, opt.rect.height() / qMax(1, fm.lineSpacing()), m_maxLines);
        // Shaping and eliding cost time in proportion to the text given, not to what is
        // shown: a row of 1 KiB in hex is 3,000 characters, of which a wide window shows
        // two hundred. Keep only what could possibly be visible at both ends.
        const QString text = visibleEnds(opt.text, fm, opt.rect.width(), linesShown);
        opt.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus

        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
        if (text.isEmpty() || rect.width() <= 0)
            return;

        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : (opt.state & QStyle::State_Active)
                                               ? QPalette::Active
                                               : QPalette::Inactive;
        const QPalette::ColorRole role =
            (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
        painter->save();
        painter->setPen(opt.palette.color(group, role));
        painter->setFont(opt.font);
        painter->setClipRect(opt.rect);
        if (m_maxLines <= 1)
            drawOneLine(painter, text, rect, opt.font, fm);
        else
            drawWrapped(painter, text, rect, opt.font, fm, linesShown);
        painter->restore();
    }

private:
    // Elided in the middle: the payload's start and the "… (N bytes)" and flag suffixes at
    // its end both stay visible. Following a flood, the view repaints up to 30 times a second
    // and every row moves, but the rows' texts do not change: shaping, eliding and laying
    // them out again each time was most of the window's CPU. A laid-out line (QStaticText)
    // is kept per text, width and font (rows with the same payload share one).
    void drawOneLine(QPainter *painter, const QString &text, const QRect &rect, const QFont &font,
                     const QFontMetrics &fm) const
    {
        const size_t key = qHashMulti(0, text, rect.width(), font);
        QStaticText *line = m_lines.object(key);
        if (!line) {
            line = new QStaticText(fm.elidedText(text, Qt::ElideMiddle, rect.width()));
            line->setTextFormat(Qt::PlainText);
            line->prepare(QTransform(), font);
            m_lines.insert(key, line);
        }
        painter->drawStaticText(
            QPointF(rect.left(), rect.top() + (rect.height() - fm.height()) / 2), *line);
    }

    // Wrapped anywhere (payloads rarely have spaces) into at most maxLines lines, the last
    // one elided in the middle.
    static void drawWrapped(QPainter *painter, const QString &text, const QRect &rect,
                            const QFont &font, const QFontMetrics &fm, int maxLines)
    {
        const int lineHeight = fm.lineSpacing();
        QTextLayout layout(text, font);
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(textOption);
        layout.beginLayout();
        int lines = 0;
        qsizetype elideFrom = -1; // start of the text squeezed into the last line
        while (lines < maxLines) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(rect.width());
            line.setPosition(QPointF(0, lines * lineHeight));
            ++lines;
            if (lines == maxLines && line.textStart() + line.textLength() < text.size())
                elideFrom = line.textStart();
        }
        layout.endLayout();

        const QPointF origin(rect.left(), rect.top() + (rect.height() - lines * lineHeight) / 2);
        const int full = elideFrom >= 0 ? lines - 1 : lines;
        for (int i = 0; i < full; ++i)
            layout.lineAt(i).draw(painter, origin);
        if (elideFrom >= 0) {
            const QString last = fm.elidedText(text.mid(elideFrom), Qt::ElideMiddle, rect.width());
            const QRectF lastRect(origin.x(), origin.y() + full * lineHeight, rect.width(),
                                  lineHeight);
            painter->drawText(lastRect, Qt::AlignLeft | Qt::AlignVCenter, last);
        }
    }

    mutable QCache<size_t, QStaticText> m_lines{4096};

    // The first and last characters of text, as many as could fill `lines` lines of
    // `width` pixels even if every character were as narrow as the narrowest common one;
    // the middle, which eliding would drop anyway, goes. Short texts are returned as is.
    static QString visibleEnds(const QString &text, const QFontMetrics &fm, int width, int lines)
    {
        int narrowest = fm.horizontalAdvance(QLatin1Char(' '));
        for (const char c : {'i', 'l', '.', '|'})
            narrowest = qMin(narrowest, fm.horizontalAdvance(QLatin1Char(c)));
        narrowest = qMax(1, narrowest);
        const qsizetype budget = qsizetype(qMax(1, width) / narrowest + 1) * lines + 8;
        if (text.size() <= 2 * budget)
            return text;
        return text.left(budget) + text.right(budget);
    }

    int m_maxLines = 1;
};

LogView::LogView(QWidget *parent)
    : QTableView(parent),
      m_delegate(new LogDataDelegate(this)),
      m_paintThrottle(new PaintThrottle(viewport()))
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(NoEditTriggers);
    setSortingEnabled(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setCornerButtonEnabled(false);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    setItemDelegateForColumn(LogModel::DataColumn, m_delegate);

    // Fixed sections: no row is ever measured, whatever the row count.
    QHeaderView *rows = verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);

    QHeaderView *columns = horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true); // Data
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    updateRowHeight();

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &LogView::onScrollValueChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &LogView::onScrollRangeChanged);
}

LogView::~LogView() = default;

void LogView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_removing = false;
    m_removedAbove = 0;

    QItemSelectionModel *oldSelection = selectionModel();
    QTableView::setModel(model);
    // QAbstractItemView::setModel makes a new selection model and leaves the old one to us.
    if (oldSelection && oldSelection != selectionModel())
        oldSelection->deleteLater();

    if (model) {
        m_modelConnections << connect(model, &QAbstractItemModel::rowsRemoved, this,
                                      &LogView::onRowsRemoved);
        m_modelConnections << connect(model, &QAbstractItemModel::rowsAboutToBeInserted,
                                      m_paintThrottle, &PaintThrottle::noteChange);
    }
    setColumnHidden(LogModel::TimeColumn, !m_showTimestamps);
    applyColumnWidths();
    if (m_following)
        scrollToBottom();
}

void LogView::setShowTimestamps(bool show)
{
    m_showTimestamps = show;
    setColumnHidden(LogModel::TimeColumn, !show);
}

void LogView::setWrapData(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    updateRowHeight();
    viewport()->update();
}

void LogView::setAutoScroll(bool follow)
{
    setFollowingState(follow);
    if (follow)
        scrollToBottom();
}

void LogView::setFollowingState(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    emit autoScrollChanged(following);
}

void LogView::onScrollValueChanged(int value)
{
    // Whatever moved the bar (wheel, drag, keys, a clamp), being at the bottom
    // means following and anywhere else means reading.
    setFollowingState(value >= verticalScrollBar()->maximum());
}

void LogView::onScrollRangeChanged(int, int max)
{
    // New rows (or a smaller viewport) grew the range: stay at the bottom.
    if (m_following && verticalScrollBar()->value() != max)
        verticalScrollBar()->setValue(max);
}

void LogView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    m_paintThrottle->noteChange();
    m_removing = true;
    if (!parent.isValid() && !m_following) {
        // Rows going away above the first visible row would pull the content
        // up under a reading user; remember how many to scroll back by.
        const int top = rowAt(0);
        if (top >= 0 && start < top)
            m_removedAbove += qMin(end + 1, top) - start;
    }
    QTableView::rowsAboutToBeRemoved(parent, start, end);
}

void LogView::onRowsRemoved()
{
    m_removing = false;
    if (m_removedAbove <= 0)
        return;
    const int step =
        verticalScrollMode() == ScrollPerPixel ? verticalHeader()->defaultSectionSize() : 1;
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(qMax(bar->minimum(), bar->value() - m_removedAbove * step));
    m_removedAbove = 0;
}

void LogView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    if (m_removing) {
        // The current row was evicted and Qt moved the current index to a
        // neighbour: don't scroll there (it would yank a following view to the top).
        const bool scrollToCurrent = QTableView::hasAutoScroll();
        QTableView::setAutoScroll(false);
        QTableView::currentChanged(current, previous);
        QTableView::setAutoScroll(scrollToCurrent);
    } else {
        QTableView::currentChanged(current, previous);
    }
    if (current.isValid()) {
        emit currentRecordChanged(current.data(LogModel::BytesRole).toByteArray(),
                                  current.data(LogModel::SequenceRole).toULongLong());
    } else {
        emit currentRecordCleared();
    }
}

QString LogView::selectedRowsText() const
{
    const QItemSelectionModel *selection = selectionModel();
    const QAbstractItemModel *m = model();
    if (!selection || !m)
        return {};
    QModelIndexList rows = selection->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    const int columns = m->columnCount();
    for (const QModelIndex &first : std::as_const(rows)) {
        QStringList fields;
        for (int c = 0; c < columns; ++c) {
            if (!isColumnHidden(c))
                fields << m->index(first.row(), c).data(Qt::DisplayRole).toString();
        }
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void LogView::copySelection() const
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void LogView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateRowHeight();
        applyColumnWidths();
    }
}

void LogView::updateRowHeight()
{
    const int lineHeight = fontMetrics().lineSpacing();
    const int lines = m_wrap ? WrapLines : 1;
    const int height = lines * lineHeight + 6;
    m_delegate->setMaxLines(lines);
    verticalHeader()->setMinimumSectionSize(lineHeight);
    verticalHeader()->setDefaultSectionSize(height);
}

void LogView::setRelayColumns(bool relay)
{
    if (relay == m_relayColumns)
        return;
    m_relayColumns = relay;
    applyColumnWidths();
}

void LogView::applyColumnWidths()
{
    if (!model())
        return;
    // From font metrics and header labels only: never from the rows.
    const QFontMetrics fm(font());
    const int pad = fm.horizontalAdvance(QLatin1Char('M')) * 2;
    auto widthFor = [&](int column, const QString &sample) {
        return qMax(horizontalHeader()->sectionSizeHint(column),
                    fm.horizontalAdvance(sample) + pad);
    };
    setColumnWidth(LogModel::TimeColumn,
                   widthFor(LogModel::TimeColumn, QStringLiteral("00:00:00.000000")));
    setColumnWidth(LogModel::DirectionColumn,
                   widthFor(LogModel::DirectionColumn,
                            m_relayColumns
                                ? LogModel::tr("C→S (replacement)") + QLatin1Char(' ')
                                : QStringLiteral("⚠ ") + LogModel::tr("Error") + QLatin1Char(' ')));
    setColumnWidth(LogModel::PeerColumn,
                   widthFor(LogModel::PeerColumn, QStringLiteral("255.255.255.255:65535")));
    setColumnWidth(LogModel::LengthColumn,
                   widthFor(LogModel::LengthColumn, QStringLiteral("00000")));
}

} // namespace sockscope
