#include "ui/hexdumpview.h"

#include "core/codec/hex.h"
#include "screenshot.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontMetricsF>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace sockscope;
using namespace sockscope::test;

namespace {

using Selection = QPair<qint64, qint64>;

QByteArray sequence(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(i & 0xFF);
    return bytes;
}

// Independent of the widget: where the hex pair of byte k and the text
// column start in a line formatted by HexDump::formatLine; -1 if the text
// does not have the expected byte there.
QByteArray formattedLine(const QByteArray &bytes)
{
    QByteArray line(HexDump::lineWidth(quint64(bytes.size())), ' ');
    line.truncate(HexDump::formatLine(line.data(), bytes, 0));
    return line;
}

int hexColumnInLine(const QByteArray &bytes, int k)
{
    const QByteArray line = formattedLine(bytes);
    const int col = int(line.indexOf(' ')) + 2 + 3 * k + (k >= 8 ? 1 : 0);
    return line.mid(col, 2) == toHex(bytes.mid(k, 1)) ? col : -1;
}

int textColumnInLine(const QByteArray &bytes)
{
    return int(formattedLine(bytes).indexOf('|')) + 1;
}

QColor pixel(const QImage &image, QPoint p)
{
    return image.pixelColor(p);
}

// Whether something (a glyph) is drawn over the cell's background, taken at its corner.
bool paintsGlyph(const QImage &image, const QRect &cell)
{
    const QRect inside = cell.intersected(image.rect());
    if (inside.width() < 2 || inside.height() < 2)
        return false;
    const QColor background = pixel(image, inside.topLeft() + QPoint(1, 1));
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            if (image.pixelColor(x, y) != background)
                return true;
        }
    }
    return false;
}

} // namespace

class tst_HexDumpView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void setBytes_data();
    void setBytes();
    void hugePayload();
    void sizeHints();

    void keyboardSelection();
    void pageKeys();
    void mouseClickSelectsByte_data();
    void mouseClickSelectsByte();
    void mouseGeometryMatchesFontMetrics();
    void mouseDragAndShiftClick();
    void clickOutsideClears();

    void paintsSelectionInBothColumns();
    void paintsHover();
    void paintsCursorOutline();
    void followsPalette();

    void formats();
    void cArrayWrapping();
    void copyActions();
    void copyWithoutSelectionCopiesAll();
    void copyTextGbk();
    void actionsDisabledWhenEmpty();

    void screenshot();

private:
    HexDumpView *m_view = nullptr;
};

void tst_HexDumpView::init()
{
    m_view = new HexDumpView;
    m_view->resize(760, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_HexDumpView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void tst_HexDumpView::setBytes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qint64>("lines");
    QTest::newRow("empty") << 0 << qint64(0);
    QTest::newRow("1") << 1 << qint64(1);
    QTest::newRow("16") << 16 << qint64(1);
    QTest::newRow("17") << 17 << qint64(2);
    QTest::newRow("100 lines") << 1600 << qint64(100);
}

void tst_HexDumpView::setBytes()
{
    QFETCH(int, size);
    QFETCH(qint64, lines);
    m_view->setBytes(sequence(size));
    QCOMPARE(m_view->lineCount(), lines);
    QCOMPARE(m_view->bytes().size(), size);

    const int lineHeight = int(std::ceil(QFontMetricsF(m_view->font()).lineSpacing()));
    const int pageLines = m_view->viewport()->height() / lineHeight;
    QScrollBar *v = m_view->verticalScrollBar();
    QCOMPARE(v->pageStep(), pageLines);
    QCOMPARE(qint64(v->maximum()), qMax<qint64>(0, lines - pageLines));
    QCOMPARE(m_view->selection(), Selection(0, 0));

    const QImage image = m_view->viewport()->grab().toImage();
    if (size == 0) {
        // Nothing to show: a plain pane, no column stripes.
        const QColor base = m_view->palette().base().color();
        for (const QPoint &p : {QPoint(1, 1), image.rect().center(), QPoint(image.width() - 2, 1)})
            QCOMPARE(pixel(image, p), base);
    } else {
        QVERIFY(paintsGlyph(image, m_view->byteRect(0)));
        QVERIFY(paintsGlyph(image, m_view->byteRect(0, HexDumpView::Column::Text)));
    }
    if (size > 0) {
        const QRect last = m_view->byteRect(size - 1);
        QVERIFY(!last.isEmpty());
        QCOMPARE(m_view->byteAt(last.center()), qint64(size - 1));
        QVERIFY(m_view->byteRect(size).isNull());
    }
}

void tst_HexDumpView::hugePayload()
{
    const int size = 16 * 1024 * 1024;
    QByteArray bytes(size, 'x');
    bytes[size - 1] = 'Z';
    m_view->setBytes(bytes, 0x1000);
    QVERIFY(m_view->bytes().isSharedWith(bytes)); // not copied
    QCOMPARE(m_view->lineCount(), qint64(1024 * 1024));
    QScrollBar *v = m_view->verticalScrollBar();
    QCOMPARE(qint64(v->maximum()) + v->pageStep(), qint64(1024 * 1024));

    QVERIFY(paintsGlyph(m_view->viewport()->grab().toImage(), m_view->byteRect(0)));
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(m_view->selection(), Selection(size - 1, 1));
    QCOMPARE(v->value(), v->maximum());

    // A mebi-line down, the last byte is painted, selected, where byteRect() says.
    const QRect last = m_view->byteRect(size - 1, HexDumpView::Column::Text);
    QVERIFY(m_view->viewport()->rect().contains(last));
    QCOMPARE(m_view->byteAt(last.center()), qint64(size - 1));
    const QColor highlight = m_view->palette().highlight().color();
    QImage image = m_view->viewport()->grab().toImage();
    QCOMPARE(pixel(image, last.topLeft() + QPoint(1, 1)), highlight);
    QVERIFY(paintsGlyph(image, last)); // the 'Z'
    const QRect before = m_view->byteRect(size - 2, HexDumpView::Column::Text);
    QVERIFY(pixel(image, before.topLeft() + QPoint(1, 1)) != highlight);

    QSignalSpy spy(m_view, &HexDumpView::selectionChanged);
    QTest::keyClick(m_view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), 0);
    QCOMPARE(spy.at(0).at(1).toLongLong(), qint64(size));
    image = m_view->viewport()->grab().toImage();
    QCOMPARE(pixel(image, before.topLeft() + QPoint(1, 1)), highlight);
}

void tst_HexDumpView::sizeHints()
{
    m_view->setBytes(sequence(64));
    const qreal charWidth = QFontMetricsF(m_view->font()).horizontalAdvance(QLatin1Char('0'));
    const int fullLine = int(HexDump::lineWidth(64) * charWidth);
    QVERIFY2(m_view->sizeHint().width() >= fullLine,
             qPrintable(QString::number(m_view->sizeHint().width())));
    const QSize min = m_view->minimumSizeHint();
    QVERIFY(min.width() > 0 && min.width() <= 450);
    QVERIFY(min.height() > 0 && min.height() <= 200);

    // Narrower than a line: the horizontal scroll bar takes over.
    m_view->resize(min);
    QVERIFY(m_view->horizontalScrollBar()->maximum() > 0);
    m_view->resize(m_view->sizeHint());
    QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
}

void tst_HexDumpView::keyboardSelection()
{
    m_view->setBytes(sequence(40));
    m_view->setFocus();
    QSignalSpy spy(m_view, &HexDumpView::selectionChanged);

    auto press = [&](Qt::Key key, Qt::KeyboardModifiers mods, Selection expected) {
        const int before = spy.count();
        QTest::keyClick(m_view, key, mods);
        QCOMPARE(m_view->selection(), expected);
        QCOMPARE(spy.count(), before + 1);
        QCOMPARE(spy.last().at(0).toLongLong(), expected.first);
        QCOMPARE(spy.last().at(1).toLongLong(), expected.second);
    };

    press(Qt::Key_Right, Qt::NoModifier, {0, 1}); // first key picks byte 0
    QCOMPARE(m_view->currentByte(), qint64(0));
    press(Qt::Key_Right, Qt::NoModifier, {1, 1});
    press(Qt::Key_Right, Qt::ShiftModifier, {1, 2});
    press(Qt::Key_Right, Qt::ShiftModifier, {1, 3});
    press(Qt::Key_Down, Qt::ShiftModifier, {1, 19});
    QCOMPARE(m_view->currentByte(), qint64(19));
    press(Qt::Key_Down, Qt::NoModifier, {35, 1});
    press(Qt::Key_End, Qt::NoModifier, {39, 1}); // end of a short last line
    press(Qt::Key_Home, Qt::NoModifier, {32, 1});
    press(Qt::Key_Left, Qt::ShiftModifier, {31, 2});
    press(Qt::Key_Up, Qt::ShiftModifier, {15, 18});
    press(Qt::Key_Home, Qt::ControlModifier, {0, 1});

    // Clamped at the start: no change, no signal.
    QTest::keyClick(m_view, Qt::Key_Left);
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->selection(), Selection(0, 1));
    const int count = spy.count();
    QCOMPARE(count, 11);

    press(Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier, {0, 40});
    press(Qt::Key_Left, Qt::NoModifier, {38, 1});
    press(Qt::Key_A, Qt::ControlModifier, {0, 40});
    press(Qt::Key_Escape, Qt::NoModifier, {0, 0});
    QVERIFY(!m_view->hasSelection());
}

void tst_HexDumpView::pageKeys()
{
    m_view->setBytes(sequence(16 * 1000));
    m_view->setFocus();
    QScrollBar *v = m_view->verticalScrollBar();
    const qint64 page = qint64(v->pageStep()) * 16;
    QVERIFY(page > 16);

    QTest::keyClick(m_view, Qt::Key_Down); // picks byte 0
    QTest::keyClick(m_view, Qt::Key_Right);
    QTest::keyClick(m_view, Qt::Key_PageDown);
    QCOMPARE(m_view->selection(), Selection(1 + page, 1));
    QTest::keyClick(m_view, Qt::Key_PageDown, Qt::ShiftModifier);
    QCOMPARE(m_view->selection(), Selection(1 + page, page + 1));
    // The current byte was scrolled into view.
    QVERIFY(m_view->viewport()->rect().contains(m_view->byteRect(1 + 2 * page)));
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_view->selection(), Selection(1 + page, 1));
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QTest::keyClick(m_view, Qt::Key_PageUp);
    QCOMPARE(m_view->selection(), Selection(0, 1));
    QCOMPARE(v->value(), 0);
}

void tst_HexDumpView::mouseClickSelectsByte_data()
{
    QTest::addColumn<qint64>("index");
    QTest::addColumn<bool>("textColumn");
    for (qint64 n : {0, 1, 7, 8, 15, 16, 42, 99}) {
        QTest::addRow("hex %lld", n) << n << false;
        QTest::addRow("text %lld", n) << n << true;
    }
}

void tst_HexDumpView::mouseClickSelectsByte()
{
    QFETCH(qint64, index);
    QFETCH(bool, textColumn);
    m_view->setBytes(sequence(100));
    QSignalSpy spy(m_view, &HexDumpView::selectionChanged);
    const auto column = textColumn ? HexDumpView::Column::Text : HexDumpView::Column::Hex;
    const QRect rect = m_view->byteRect(index, column);
    QVERIFY(m_view->viewport()->rect().contains(rect));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QCOMPARE(m_view->selection(), Selection(index, 1));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), index);
    QCOMPARE(spy.at(0).at(1).toLongLong(), 1);
}

void tst_HexDumpView::mouseGeometryMatchesFontMetrics()
{
    // Positions computed here from the font and the dump text alone must land
    // on the byte the widget reports, so painting, hit testing and the dump
    // layout agree.
    const QByteArray bytes = sequence(32);
    m_view->setBytes(bytes);
    const QFontMetricsF fm(m_view->font());
    const qreal cw = fm.horizontalAdvance(QString(64, QLatin1Char('0'))) / 64;
    const int lineHeight = int(std::ceil(fm.lineSpacing()));
    const int textStart = textColumnInLine(bytes);
    QVERIFY(textStart > 50);
    for (int k : {0, 5, 7, 8, 12, 15}) {
        const int col = hexColumnInLine(bytes, k);
        QVERIFY(col > 0);
        // Middle of the pair "XX" on the second line.
        const QPoint hexPos(int(cw / 2 + (col + 1) * cw), lineHeight + lineHeight / 2);
        QCOMPARE(m_view->byteAt(hexPos), qint64(16 + k));
        // Both digits of the pair, and the painted cell is centred on the pair.
        const int y = lineHeight / 2;
        QCOMPARE(m_view->byteAt(QPoint(int(cw / 2 + (col + 0.2) * cw), y)), qint64(k));
        QCOMPARE(m_view->byteAt(QPoint(int(cw / 2 + (col + 1.8) * cw), y)), qint64(k));
        QVERIFY(qAbs(m_view->byteRect(k).center().x() - hexPos.x()) <= 1);
        const QPoint textPos(int(cw / 2 + (textStart + k + 0.5) * cw), lineHeight / 2);
        QCOMPARE(m_view->byteAt(textPos), qint64(k));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::NoModifier, hexPos);
        QCOMPARE(m_view->selection(), Selection(16 + k, 1));
    }
    // On the offset column, and below the data: nothing.
    QCOMPARE(m_view->byteAt(QPoint(int(cw / 2 + 3 * cw), lineHeight / 2)), qint64(-1));
    QCOMPARE(m_view->byteAt(QPoint(int(cw / 2 + 3 * cw), 5 * lineHeight)), qint64(-1));
}

void tst_HexDumpView::mouseDragAndShiftClick()
{
    m_view->setBytes(sequence(100));
    QWidget *vp = m_view->viewport();
    const QPoint from = m_view->byteRect(2).center();
    const QPoint to = m_view->byteRect(20, HexDumpView::Column::Text).center();

    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, to, vp->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(vp, &move);
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, to);
    QCOMPARE(m_view->selection(), Selection(2, 19));
    QCOMPARE(m_view->currentByte(), qint64(20));

    QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, m_view->byteRect(5).center());
    QTest::mouseClick(vp, Qt::LeftButton, Qt::ShiftModifier, m_view->byteRect(40).center());
    QCOMPARE(m_view->selection(), Selection(5, 36));
    // The anchor stays at the first click.
    QTest::mouseClick(vp, Qt::LeftButton, Qt::ShiftModifier, m_view->byteRect(1).center());
    QCOMPARE(m_view->selection(), Selection(1, 5));
    // Keyboard continues from the mouse position.
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_view->selection(), Selection(2, 4));
}

void tst_HexDumpView::clickOutsideClears()
{
    m_view->setBytes(sequence(20));
    QWidget *vp = m_view->viewport();
    QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, m_view->byteRect(3).center());
    QCOMPARE(m_view->selection(), Selection(3, 1));
    const QPoint belowData(m_view->byteRect(3).center().x(), vp->height() - 2);
    QCOMPARE(m_view->byteAt(belowData), qint64(-1));
    QSignalSpy spy(m_view, &HexDumpView::selectionChanged);
    QTest::mouseClick(vp, Qt::LeftButton, Qt::NoModifier, belowData);
    QCOMPARE(m_view->selection(), Selection(0, 0));
    QCOMPARE(spy.count(), 1);
}

void tst_HexDumpView::paintsSelectionInBothColumns()
{
    m_view->setBytes(QByteArray(32, '\0')); // '.' in the text column: corners stay clear
    const QColor highlight = m_view->palette().highlight().color();
    auto corner = [&](qint64 index, HexDumpView::Column c) {
        return m_view->byteRect(index, c).topLeft() + QPoint(1, 1);
    };

    QImage image = m_view->viewport()->grab().toImage();
    QVERIFY(pixel(image, corner(17, HexDumpView::Column::Hex)) != highlight);
    QVERIFY(pixel(image, corner(17, HexDumpView::Column::Text)) != highlight);

    m_view->setSelection(17, 2);
    image = m_view->viewport()->grab().toImage();
    for (qint64 i : {17, 18}) {
        QCOMPARE(pixel(image, corner(i, HexDumpView::Column::Hex)), highlight);
        QCOMPARE(pixel(image, corner(i, HexDumpView::Column::Text)), highlight);
    }
    for (qint64 i : {16, 19}) {
        QVERIFY(pixel(image, corner(i, HexDumpView::Column::Hex)) != highlight);
        QVERIFY(pixel(image, corner(i, HexDumpView::Column::Text)) != highlight);
    }
}

void tst_HexDumpView::paintsHover()
{
    m_view->setBytes(QByteArray(32, '\0'));
    auto corner = [&](qint64 index, HexDumpView::Column c) {
        return m_view->byteRect(index, c).topLeft() + QPoint(1, 1);
    };
    const QPoint over = m_view->byteRect(3).center();
    QMouseEvent move(QEvent::MouseMove, over, m_view->viewport()->mapToGlobal(over), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    const QImage image = m_view->viewport()->grab().toImage();
    for (auto c : {HexDumpView::Column::Hex, HexDumpView::Column::Text})
        QVERIFY(pixel(image, corner(3, c)) != pixel(image, corner(4, c)));
    // Hovering does not select.
    QCOMPARE(m_view->selection(), Selection(0, 0));
}

// The cursor (the moving end of the selection) gets an outline in both columns; the rest of
// the selection does not.
void tst_HexDumpView::paintsCursorOutline()
{
    m_view->setBytes(QByteArray(32, '\0')); // '.' in the text column: top edges stay clear
    m_view->setSelection(17, 2);             // cursor on 18
    const QColor highlight = m_view->palette().highlight().color();
    auto topEdge = [&](qint64 index, HexDumpView::Column c) {
        const QRect cell = m_view->byteRect(index, c);
        return QPoint(cell.center().x(), cell.top());
    };
    const QImage image = m_view->viewport()->grab().toImage();
    for (auto c : {HexDumpView::Column::Hex, HexDumpView::Column::Text}) {
        QCOMPARE(pixel(image, topEdge(17, c)), highlight);
        QVERIFY(pixel(image, topEdge(18, c)) != highlight);
    }
}

void tst_HexDumpView::followsPalette()
{
    m_view->setBytes(sequence(16));
    QPalette dark = m_view->palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::AlternateBase, QColor(0x30, 0x30, 0x38));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    m_view->setPalette(dark);
    const QImage image = m_view->viewport()->grab().toImage();
    // Empty space below the data, in the hex area: base.
    const QRect cell = m_view->byteRect(4);
    const int emptyY = m_view->viewport()->height() - 2;
    QCOMPARE(pixel(image, QPoint(cell.center().x(), emptyY)), QColor(0x20, 0x20, 0x20));
    // Offset column and text gutter: the alternate colour, full height.
    QCOMPARE(pixel(image, QPoint(1, emptyY)), QColor(0x30, 0x30, 0x38));
    const QRect text = m_view->byteRect(4, HexDumpView::Column::Text);
    QCOMPARE(pixel(image, QPoint(text.center().x(), emptyY)), QColor(0x30, 0x30, 0x38));
}

void tst_HexDumpView::formats()
{
    QCOMPARE(HexDumpView::hexText(QByteArrayView("Hello")), QStringLiteral("48 65 6C 6C 6F"));
    QCOMPARE(HexDumpView::hexText({}), QString());
    QCOMPARE(HexDumpView::cArray(QByteArrayView("Hel")),
             QStringLiteral("const unsigned char data[3] = { 0x48, 0x65, 0x6C };"));
    QCOMPARE(HexDumpView::cArray(QByteArrayView("\xff", 1)),
             QStringLiteral("const unsigned char data[1] = { 0xFF };"));
    QCOMPARE(HexDumpView::decodedText(QByteArrayView("a\r\nb\x01\tc\\"), Encoding::Utf8),
             QStringLiteral("a\\r\\nb\\x01\\tc\\\\"));
    QCOMPARE(HexDumpView::dumpText(QByteArrayView("Hello, world!\n\0\x01"
                                                  "AB",
                                                  18),
                                   0x10),
             QStringLiteral("00000010  48 65 6C 6C 6F 2C 20 77  6F 72 6C 64 21 0A 00 01  "
                            "|Hello, world!...|\n"
                            "00000020  41 42                                             "
                            "|AB|\n"));
}

void tst_HexDumpView::cArrayWrapping()
{
    QCOMPARE(HexDumpView::cArray(sequence(12)),
             QStringLiteral("const unsigned char data[12] = { 0x00, 0x01, 0x02, 0x03, 0x04, "
                            "0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B };"));
    QCOMPARE(HexDumpView::cArray(sequence(13)),
             QStringLiteral("const unsigned char data[13] = {\n"
                            "    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, "
                            "0x0A, 0x0B,\n"
                            "    0x0C\n"
                            "};"));
    const QString two = HexDumpView::cArray(sequence(24));
    QCOMPARE(two.count(QLatin1Char('\n')), 3);
    QVERIFY(two.endsWith(QStringLiteral("0x16, 0x17\n};")));
    QCOMPARE(two.count(QStringLiteral("0x")), 24);
}

void tst_HexDumpView::copyActions()
{
    m_view->setBytes(QByteArray("\x00Hi\r\n!\x7f", 7), 0x100);
    m_view->setSelection(1, 4); // "Hi\r\n"
    QClipboard *clipboard = QGuiApplication::clipboard();

    auto trigger = [&](const char *name) {
        clipboard->setText(QStringLiteral("sentinel"));
        auto *action = m_view->findChild<QAction *>(QLatin1String(name));
        if (!action)
            return QStringLiteral("no action %1").arg(QLatin1String(name));
        action->trigger();
        return clipboard->text();
    };
    QCOMPARE(trigger("copyHexAction"), QStringLiteral("48 69 0D 0A"));
    QCOMPARE(trigger("copyTextAction"), QStringLiteral("Hi\\r\\n"));
    QCOMPARE(trigger("copyCArrayAction"),
             QStringLiteral("const unsigned char data[4] = { 0x48, 0x69, 0x0D, 0x0A };"));
    // Offsets continue from the base offset and the selection start.
    QCOMPARE(trigger("copyDumpAction"), QStringLiteral("00000101  48 69 0D 0A") +
                                            QString(39, u' ') + QStringLiteral("|Hi..|\n"));

    // Ctrl+C copies the selection as hex.
    clipboard->setText(QStringLiteral("sentinel"));
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), QStringLiteral("48 69 0D 0A"));

    QSignalSpy spy(m_view, &HexDumpView::selectionChanged);
    m_view->selectAllAction()->trigger();
    QCOMPARE(m_view->selection(), Selection(0, 7));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(trigger("copyTextAction"), QStringLiteral("\\0Hi\\r\\n!\\x7F"));
}

void tst_HexDumpView::copyWithoutSelectionCopiesAll()
{
    m_view->setBytes(QByteArray("ABC"));
    QVERIFY(!m_view->hasSelection());
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("sentinel"));
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), QStringLiteral("41 42 43"));
    m_view->copyCArrayAction()->trigger();
    QCOMPARE(clipboard->text(),
             QStringLiteral("const unsigned char data[3] = { 0x41, 0x42, 0x43 };"));
    m_view->copyDumpAction()->trigger();
    QCOMPARE(clipboard->text(), QString::fromLatin1(hexDump(QByteArrayView("ABC"))));
}

void tst_HexDumpView::copyTextGbk()
{
    const QByteArray gbk("\xC4\xE3\xBA\xC3\r\n", 6); // "你好\r\n" in GBK
    m_view->setBytes(gbk);
    m_view->setTextEncoding(Encoding::Gbk);
    QCOMPARE(m_view->textEncoding(), Encoding::Gbk);
    QClipboard *clipboard = QGuiApplication::clipboard();

    m_view->copyTextAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("你好\\r\\n"));

    // A selection that cuts a character: the partial one is replaced, not dropped.
    m_view->setSelection(0, 3);
    m_view->copyTextAction()->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("你\uFFFD"));

    // The same bytes read as UTF-8 are not Chinese.
    m_view->setTextEncoding(Encoding::Utf8);
    m_view->setSelection(0, 4);
    m_view->copyTextAction()->trigger();
    QVERIFY(!clipboard->text().contains(QStringLiteral("你")));
}

void tst_HexDumpView::actionsDisabledWhenEmpty()
{
    QVERIFY(!m_view->copyHexAction()->isEnabled());
    QVERIFY(!m_view->selectAllAction()->isEnabled());
    m_view->setBytes("x");
    QVERIFY(m_view->copyHexAction()->isEnabled());
    QVERIFY(m_view->copyTextAction()->isEnabled());
    QVERIFY(m_view->copyCArrayAction()->isEnabled());
    QVERIFY(m_view->copyDumpAction()->isEnabled());
    QVERIFY(m_view->selectAllAction()->isEnabled());
    m_view->clear();
    QVERIFY(!m_view->copyDumpAction()->isEnabled());
    QCOMPARE(m_view->lineCount(), qint64(0));
}

void tst_HexDumpView::screenshot()
{
    // Set SOCKSCOPE_SCREENSHOT_DIR to look at the widget.
    QByteArray bytes = "GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n";
    bytes += sequence(80);
    m_view->resize(m_view->sizeHint());
    m_view->setBytes(bytes, 0x2A0);
    m_view->setSelection(18, 22);
    const QPoint over = m_view->byteRect(50).center();
    QMouseEvent move(QEvent::MouseMove, over, m_view->viewport()->mapToGlobal(over), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(m_view->viewport(), &move);
    // It shows what it is meant to: the selection, and the hovered byte apart from its
    // neighbours.
    const QImage image = m_view->viewport()->grab().toImage();
    auto corner = [&](qint64 index, HexDumpView::Column c) {
        return pixel(image, m_view->byteRect(index, c).topLeft() + QPoint(1, 1));
    };
    const QColor highlight = m_view->palette().highlight().color();
    for (auto c : {HexDumpView::Column::Hex, HexDumpView::Column::Text}) {
        QCOMPARE(corner(18, c), highlight);
        QCOMPARE(corner(39, c), highlight);
        QVERIFY(corner(40, c) != highlight);
        QVERIFY(corner(50, c) != corner(49, c));
    }
    QVERIFY(saveScreenshot(*m_view, QStringLiteral("hexdump")));
}

QTEST_MAIN(tst_HexDumpView)
#include "tst_hexdumpview.moc"
