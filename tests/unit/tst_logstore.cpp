#include "core/log/logstore.h"

#include <QTest>

using namespace sockscope;

class tst_LogStore : public QObject
{
    Q_OBJECT

private:
    static LogRecords batch(int count, int payload, int firstTag = 0)
    {
        LogRecords out;
        for (int i = 0; i < count; ++i) {
            LogRecord r;
            r.kind = LogRecord::Kind::Rx;
            r.peerId = quint32(firstTag + i);
            r.bytes = QByteArray(payload, 'x');
            out.append(r);
        }
        return out;
    }
    static void add(LogStore &s, const LogRecords &b)
    {
        qsizetype keepFrom = 0;
        s.evictOldest(s.evictionsFor(b, &keepFrom));
        s.append(b, keepFrom);
    }

private slots:
    void emptyStore()
    {
        LogStore s;
        QCOMPARE(s.size(), 0);
        QCOMPARE(s.bytes(), 0);
        QCOMPARE(s.rowOf(0), -1);
        qsizetype keep = -1;
        QCOMPARE(s.evictionsFor({}, &keep), 0);
        QCOMPARE(keep, 0);
    }

    void capsByRows_data()
    {
        QTest::addColumn<int>("maxRows");
        QTest::addColumn<int>("batches");
        QTest::addColumn<int>("perBatch");
        QTest::newRow("under") << 100 << 3 << 10;
        QTest::newRow("exact") << 30 << 3 << 10;
        QTest::newRow("over") << 25 << 3 << 10;
        QTest::newRow("batch-larger-than-cap") << 7 << 2 << 10;
        QTest::newRow("one-row") << 1 << 5 << 3;
    }
    void capsByRows()
    {
        QFETCH(int, maxRows);
        QFETCH(int, batches);
        QFETCH(int, perBatch);
        LogStore s({maxRows, 1ll << 40});
        for (int b = 0; b < batches; ++b)
            add(s, batch(perBatch, 4, b * perBatch));
        const int total = batches * perBatch;
        const int expected = qMin(total, maxRows);
        QCOMPARE(s.size(), expected);
        // The newest rows are the ones kept, in order.
        for (int i = 0; i < expected; ++i)
            QCOMPARE(s.at(i).peerId, quint32(total - expected + i));
        QCOMPARE(s.bytes(), expected * (LogStore::RowOverhead + 4));
    }

    void capsByBytes()
    {
        const qint64 rowCost = LogStore::RowOverhead + 1000;
        LogStore s({1000000, rowCost * 10});
        for (int b = 0; b < 7; ++b)
            add(s, batch(3, 1000, b * 3));
        QCOMPARE(s.size(), 10);
        QVERIFY(s.bytes() <= rowCost * 10);
        QCOMPARE(s.at(9).peerId, quint32(20));
        // A record that alone exceeds the cap cannot be kept; the rows already
        // stored stay rather than being evicted for nothing.
        LogRecords huge = batch(1, 100000, 99);
        add(s, huge);
        QCOMPARE(s.size(), 10);
        QCOMPARE(s.at(9).peerId, quint32(20));
        QVERIFY(s.bytes() <= rowCost * 10);
    }

    // A block handed over with room to spare (ReceiveBuffer) costs the memory it holds.
    void capsByHeldMemory()
    {
        LogRecord r;
        r.kind = LogRecord::Kind::Rx;
        r.bytes = QByteArray(4096, 'x');
        r.bytes.resize(100); // keeps its 4096-byte allocation
        QVERIFY(r.bytes.capacity() >= 4096);
        QCOMPARE(LogStore::cost(r), LogStore::RowOverhead + r.bytes.capacity());
        LogStore s({1000, 3 * (LogStore::RowOverhead + 4096)});
        for (int i = 0; i < 5; ++i) {
            r.peerId = quint32(i);
            add(s, {r});
        }
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(0).peerId, quint32(2));
    }

    void sequencesSurviveEviction()
    {
        LogStore s({5, 1ll << 40});
        add(s, batch(5, 1, 0));
        const quint64 third = s.sequenceOf(2);
        add(s, batch(2, 1, 5));
        QCOMPARE(s.rowOf(third), 0);
        QCOMPARE(s.at(s.rowOf(third)).peerId, quint32(2));
        QCOMPARE(s.rowOf(s.firstSequence() - 1), -1);
        s.clear();
        QCOMPARE(s.size(), 0);
        QCOMPARE(s.rowOf(third), -1);
        add(s, batch(1, 1, 42));
        QVERIFY(s.sequenceOf(0) > third);
    }

    // Payloads are shared with the session's records, not copied.
    void payloadsAreShared()
    {
        LogStore s;
        const LogRecords b = batch(1, 4096);
        add(s, b);
        QVERIFY(s.at(0).bytes.constData() == b.at(0).bytes.constData());
    }
};

QTEST_GUILESS_MAIN(tst_LogStore)
#include "tst_logstore.moc"
