#include "ui/logfiltermodel.h"
#include "ui/logmodel.h"
#include "ui/logview.h"
#include "screenshot.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace sockscope;
using namespace sockscope::test;

namespace {

LogRecord record(LogRecord::Kind kind, quint32 peer, const QByteArray &bytes,
                 LogRecord::Flags flags = {})
{
    LogRecord r;
    r.kind = kind;
    r.peerId = peer;
    r.bytes = bytes;
    r.flags = flags;
    r.timeUs = nowUs();
    return r;
}

LogRecords batch(int count, int firstTag)
{
    LogRecords out;
    for (int i = 0; i < count; ++i)
        out << record(LogRecord::Kind::Rx, 1, "msg " + QByteArray::number(firstTag + i));
    return out;
}

// A model (capped), a filter on it and a shown view on the filter.
struct Fixture
{
    LogModel model;
    LogFilterModel filter;
    LogView view;
    int next = 0;

    explicit Fixture(qsizetype cap)
    {
        LogStore::Limits limits;
        limits.maxRows = cap;
        model.setLimits(limits);
        filter.setSourceModel(&model);
        view.setModel(&filter);
        view.resize(640, 300);
        view.show();
    }
    void append(int count)
    {
        model.appendRecords(batch(count, next));
        next += count;
    }
    QScrollBar *bar() const { return view.verticalScrollBar(); }
    quint64 sequenceAt(int row) const
    {
        return filter.index(row, 0).data(LogModel::SequenceRole).toULongLong();
    }
    quint64 topSequence() const { return sequenceAt(view.rowAt(0)); }
    // Rows are laid out (and followed) on the next event-loop pass.
    bool laidOutAtBottom() const
    {
        return bar()->maximum() > 0 && bar()->value() == bar()->maximum();
    }
};

} // namespace

class tst_LogView : public QObject
{
    Q_OBJECT

private slots:
    void followsNewRowsAtBottom()
    {
        Fixture f(1000);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QVERIFY(f.view.hasAutoScroll());
        f.append(100);
        QTRY_VERIFY(f.bar()->maximum() > 0);
        QTRY_COMPARE(f.bar()->value(), f.bar()->maximum());
        f.append(50);
        QTRY_COMPARE(f.view.rowAt(f.view.viewport()->height() - 2), 149);
        QCOMPARE(f.bar()->value(), f.bar()->maximum());
        QVERIFY(f.view.hasAutoScroll());
    }

    void scrollingUpPausesAndBottomResumes()
    {
        Fixture f(1000);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.append(100);
        QTRY_VERIFY(f.laidOutAtBottom());
        QSignalSpy follow(&f.view, &LogView::autoScrollChanged);

        f.bar()->setValue(f.bar()->maximum() / 2); // the user scrolls up
        QCOMPARE(follow.count(), 1);
        QCOMPARE(follow.at(0).at(0).toBool(), false);
        QVERIFY(!f.view.hasAutoScroll());
        const int reading = f.bar()->value();
        const quint64 top = f.topSequence();
        f.append(100);
        QTRY_VERIFY(f.bar()->maximum() > 2 * reading);
        QTest::qWait(20);
        QCOMPARE(f.bar()->value(), reading);
        QCOMPARE(f.topSequence(), top);

        f.bar()->setValue(f.bar()->maximum()); // back to the bottom
        QCOMPARE(follow.count(), 2);
        QCOMPARE(follow.at(1).at(0).toBool(), true);
        f.append(100);
        QTRY_COMPARE(f.bar()->value(), f.bar()->maximum());
        QTRY_COMPARE(f.view.rowAt(f.view.viewport()->height() - 2), 299);

        // The toggle does the same.
        f.view.setAutoScroll(false);
        QCOMPARE(follow.count(), 3);
        f.bar()->setValue(0);
        f.view.setAutoScroll(true);
        QCOMPARE(follow.count(), 4);
        QCOMPARE(f.bar()->value(), f.bar()->maximum());
    }

    void keepsPlaceWhileOldRowsAreEvicted()
    {
        Fixture f(200);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.append(200);
        QTRY_VERIFY(f.laidOutAtBottom());
        f.view.scrollTo(f.filter.index(120, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(!f.view.hasAutoScroll());
        const quint64 top = f.topSequence();
        QCOMPARE(top, 120ull);
        for (int i = 0; i < 5; ++i) {
            f.append(10); // evicts 10 above the rows in view
            QCOMPARE(f.model.rowCount(), 200);
            QTest::qWait(5);
            QCOMPARE(f.topSequence(), top);
        }
        QVERIFY(!f.view.hasAutoScroll());
    }

    void selectionStaysOnRecordAfterEvictions()
    {
        Fixture f(100);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.append(100);
        f.view.selectRow(60);
        const quint64 selected = f.sequenceAt(60);
        QCOMPARE(selected, 60ull);
        for (int i = 0; i < 4; ++i)
            f.append(10);
        QCOMPARE(f.model.rowCount(), 100);
        QCOMPARE(f.view.currentIndex().row(), 20);
        QCOMPARE(f.view.currentIndex().data(LogModel::SequenceRole).toULongLong(), selected);
        const QModelIndexList rows = f.view.selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(LogModel::SequenceRole).toULongLong(), selected);
    }

    void evictedCurrentRowDoesNotYankFollowingView()
    {
        Fixture f(100);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.append(100);
        QTRY_VERIFY(f.laidOutAtBottom());
        f.view.setCurrentIndex(f.filter.index(10, 0)); // scrolls up to it
        QVERIFY(!f.view.hasAutoScroll());
        f.view.setAutoScroll(true); // back to following, current row far above
        QCOMPARE(f.bar()->value(), f.bar()->maximum());
        QSignalSpy current(&f.view, &LogView::currentRecordChanged);
        f.append(20); // evicts the current row; Qt moves the current index to a neighbour
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(1).toULongLong(), 20ull);
        QVERIFY(f.view.hasAutoScroll());
        QTRY_COMPARE(f.bar()->value(), f.bar()->maximum());
        QTRY_COMPARE(f.view.rowAt(f.view.viewport()->height() - 2), 99);
        QVERIFY(f.view.hasAutoScroll());
    }

    void currentRecordChangedCarriesBytes()
    {
        Fixture f(100);
        LogRecords rows = batch(3, 0);
        rows[1].bytes = QByteArray("\x00\xFF payload", 10);
        f.model.appendRecords(rows);
        QSignalSpy spy(&f.view, &LogView::currentRecordChanged);
        f.view.setCurrentIndex(f.filter.index(1, LogModel::DataColumn));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toByteArray(), QByteArray("\x00\xFF payload", 10));
        QCOMPARE(spy.at(0).at(1).toULongLong(), 1ull);
        // Through a filter the sequence still names the record.
        f.filter.setPeerFilter(1);
        f.view.setCurrentIndex(f.filter.index(2, 0));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(1).toULongLong(), 2ull);
        QSignalSpy cleared(&f.view, &LogView::currentRecordCleared);
        f.view.setCurrentIndex({});
        QCOMPARE(cleared.count(), 1);
    }

    void copiesSelectedRows()
    {
        Fixture f(100);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.model.appendRecords({record(LogRecord::Kind::Rx, 1, "one"),
                               record(LogRecord::Kind::Tx, 1, "two"),
                               record(LogRecord::Kind::Rx, 1, "three\r\n")});
        f.model.setPeerName(1, QStringLiteral("127.0.0.1:9"));
        f.view.setShowTimestamps(false);
        f.view.selectionModel()->select(f.filter.index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        f.view.selectionModel()->select(f.filter.index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString expected = QStringLiteral("← RX\t127.0.0.1:9\t3\tone\n"
                                                "← RX\t127.0.0.1:9\t7\tthree\\r\\n\n");
        QCOMPARE(f.view.selectedRowsText(), expected);
        QGuiApplication::clipboard()->clear();
        f.view.setFocus();
        QTest::keyClick(&f.view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    }

    void fixedRowsAndToggles()
    {
        Fixture f(100);
        f.append(10);
        QHeaderView *rows = f.view.verticalHeader();
        QCOMPARE(rows->sectionResizeMode(0), QHeaderView::Fixed);
        const int single = rows->defaultSectionSize();
        QCOMPARE(f.view.rowHeight(0), single);
        QCOMPARE(f.view.rowHeight(9), single);
        QVERIFY(f.view.horizontalHeader()->stretchLastSection());
        QCOMPARE(f.view.horizontalHeader()->count() - 1, int(LogModel::DataColumn));

        f.view.setWrapData(true);
        const int wrapped = rows->defaultSectionSize();
        QVERIFY(wrapped >= LogView::WrapLines * f.view.fontMetrics().lineSpacing());
        QCOMPARE(f.view.rowHeight(0), wrapped);
        QCOMPARE(f.view.rowHeight(9), wrapped);
        f.view.setWrapData(false);
        QCOMPARE(f.view.rowHeight(5), single);

        QVERIFY(!f.view.isColumnHidden(LogModel::TimeColumn));
        f.view.setShowTimestamps(false);
        QVERIFY(f.view.isColumnHidden(LogModel::TimeColumn));
        f.view.setModel(&f.model); // survives a model change
        QVERIFY(f.view.isColumnHidden(LogModel::TimeColumn));
        f.view.setShowTimestamps(true);
        QVERIFY(!f.view.isColumnHidden(LogModel::TimeColumn));
    }

    void floodWhileFollowing()
    {
        // Not timed: a flood through a filter into a shown view stays capped
        // and the view keeps following the newest rows.
        Fixture f(50000);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        LogRecords b;
        for (int i = 0; i < 1000; ++i)
            b << record(LogRecord::Kind::Rx, quint32(1 + i % 3), QByteArray(40, 'z'));
        for (int i = 0; i < 200; ++i) {
            f.model.appendRecords(b);
            if (i % 10 == 0)
                QCoreApplication::processEvents(); // the view lays out and paints now and then
        }
        QCOMPARE(f.model.rowCount(), 50000);
        QCOMPARE(f.filter.rowCount(), 50000);
        QTRY_VERIFY(f.laidOutAtBottom());
        QCOMPARE(f.view.rowAt(f.view.viewport()->height() - 2), 49999);
        QVERIFY(f.view.hasAutoScroll());
    }

    void screenshot()
    {
        Fixture f(1000);
        f.view.resize(900, 330);
        f.model.setDisplayMode(LogModel::DisplayMode::Gbk);
        f.model.setPeerName(1, QStringLiteral("127.0.0.1:50412"));
        f.model.setPeerName(2, QStringLiteral("[::1]:6000"));
        LogRecords rows;
        rows << record(LogRecord::Kind::Event, 0, "Listening on 0.0.0.0:9000");
        rows << record(LogRecord::Kind::Event, 1, "Client connected");
        rows << record(LogRecord::Kind::Rx, 1, "GET /status HTTP/1.1\r\n");
        rows << record(LogRecord::Kind::Tx, 1, "HTTP/1.1 200 OK\r\n\r\n");
        rows << record(LogRecord::Kind::Rx, 2, "\xC4\xE3\xBA\xC3\xA3\xAC\xCA\xC0\xBD\xE7");
        rows << record(LogRecord::Kind::Tx, 2, "\x01\x02\x03\xFF", LogRecord::AutoReply);
        rows << record(LogRecord::Kind::Rx, 2, "AA 55 frame", LogRecord::ChecksumBad);
        rows << record(LogRecord::Kind::Rx, 1, QByteArray(3000, 'x'), LogRecord::Oversized);
        rows << record(LogRecord::Kind::Event, 1, "Connection reset by peer", LogRecord::Error);
        f.model.appendRecords(rows);
        f.view.selectRow(3);
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        // It shows what it is meant to: every row, the selected one in the highlight colour.
        QCOMPARE(f.filter.rowCount(), 9);
        QTRY_VERIFY(f.view.viewport()->rect().contains(
            f.view.visualRect(f.filter.index(8, 0)).bottomLeft()));
        const QImage image = f.view.viewport()->grab().toImage();
        const QPalette::ColorGroup group =
            f.view.isActiveWindow() ? QPalette::Active : QPalette::Inactive;
        const QColor highlight = f.view.palette().color(group, QPalette::Highlight);
        const auto background = [&](int row) {
            const QRect cell = f.view.visualRect(f.filter.index(row, 0));
            return image.pixelColor(cell.topLeft() + QPoint(1, 1));
        };
        // The style may shade the highlight a little (Fusion: a gradient).
        const auto nearHighlight = [&](const QColor &c) {
            return qAbs(c.red() - highlight.red()) <= 16 &&
                   qAbs(c.green() - highlight.green()) <= 16 &&
                   qAbs(c.blue() - highlight.blue()) <= 16;
        };
        QVERIFY2(nearHighlight(background(3)), qPrintable(background(3).name()));
        QVERIFY2(!nearHighlight(background(2)), qPrintable(background(2).name()));
        QVERIFY(saveScreenshot(f.view, QStringLiteral("logview")));

        const int oneLine = f.view.rowHeight(7);
        f.view.setWrapData(true);
        QTRY_VERIFY(f.view.rowAt(0) > 0); // taller rows, still following the bottom
        QVERIFY(f.view.rowHeight(7) > oneLine); // the 3,000-byte row wraps
        QVERIFY(saveScreenshot(f.view, QStringLiteral("logview-wrap")));
    }
};

QTEST_MAIN(tst_LogView)
#include "tst_logview.moc"
