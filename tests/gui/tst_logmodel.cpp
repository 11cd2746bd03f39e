#include "core/codec/escapes.h"
#include "core/codec/textcodec.h"
#include "ui/logfiltermodel.h"
#include "ui/logmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sockscope;

namespace {

LogRecord makeRecord(LogRecord::Kind kind, quint32 peer, const QByteArray &bytes,
                     LogRecord::Flags flags = {})
{
    LogRecord r;
    r.kind = kind;
    r.peerId = peer;
    r.bytes = bytes;
    r.flags = flags;
    r.timeUs = 1700000000123456ll;
    return r;
}

LogRecord rx(const QByteArray &bytes, quint32 peer = 1, LogRecord::Flags flags = {})
{
    return makeRecord(LogRecord::Kind::Rx, peer, bytes, flags);
}

LogRecord tx(const QByteArray &bytes, quint32 peer = 1)
{
    return makeRecord(LogRecord::Kind::Tx, peer, bytes);
}

LogRecord ev(const QString &text, quint32 peer = 0, bool error = false)
{
    return makeRecord(LogRecord::Kind::Event, peer, text.toUtf8(),
                      error ? LogRecord::Flags(LogRecord::Error) : LogRecord::Flags());
}

// Rx records "<tag>0", "<tag>1", ... for peer 1.
LogRecords batch(int count, const QByteArray &tag)
{
    LogRecords out;
    for (int i = 0; i < count; ++i)
        out << rx(tag + QByteArray::number(i));
    return out;
}

// Records of one stream cut at the given chunks, with carries computed the way
// the session does it (one CharCarry per encoding, per peer and direction).
LogRecords stream(const QList<QByteArray> &chunks)
{
    CharCarry utf8(Encoding::Utf8);
    CharCarry gbk(Encoding::Gbk);
    LogRecords out;
    for (const QByteArray &c : chunks) {
        LogRecord r = rx(c);
        r.carryUtf8 = utf8.feed(c);
        r.carryGbk = gbk.feed(c);
        out << r;
    }
    return out;
}

QString dataAt(const QAbstractItemModel &m, int row)
{
    return m.index(row, LogModel::DataColumn).data().toString();
}

LogStore::Limits rowCap(qsizetype rows)
{
    LogStore::Limits l;
    l.maxRows = rows;
    return l;
}

} // namespace

class tst_LogModel : public QObject
{
    Q_OBJECT

private slots:
    void empty()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(LogModel::ColumnCount));
        QCOMPARE(model.findRow(QStringLiteral("x"), false, 0, true), -1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendRecords({});
        QCOMPARE(inserted.count(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(LogModel::DataColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Data"));
    }

    void testerOverAppendEvictClear()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        LogFilterModel peerTwo;
        peerTwo.setSourceModel(&model);
        peerTwo.setPeerFilter(2);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester t1(&model, mode);
        QAbstractItemModelTester t2(&filter, mode);
        QAbstractItemModelTester t3(&peerTwo, mode);

        model.setLimits(rowCap(7));
        for (int i = 0; i < 6; ++i) {
            LogRecords b = batch(3, "b" + QByteArray::number(i));
            b << tx("out", 2) << ev(QStringLiteral("hello"), 2);
            model.appendRecords(b);
            QVERIFY(!QTest::currentTestFailed());
        }
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(filter.rowCount(), 7);
        filter.setShowTx(false);
        filter.setShowEvents(false);
        QCOMPARE(filter.rowCount(), 3);
        model.setDisplayMode(LogModel::DisplayMode::Hex);
        model.setPeerName(1, QStringLiteral("127.0.0.1:4000"));
        model.appendRecords(batch(20, "big")); // larger than the cap
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(filter.rowCount(), 7);
        QCOMPARE(peerTwo.rowCount(), 0);
        model.setLimits(rowCap(3)); // shrinking evicts
        QCOMPARE(model.rowCount(), 3);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(filter.rowCount(), 0);
        model.appendRecords(batch(2, "again"));
        QCOMPARE(filter.rowCount(), 2);
    }

    void capsEvictOldest_data()
    {
        QTest::addColumn<int>("cap");
        QTest::addColumn<int>("perBatch");
        QTest::addColumn<int>("expectedRows");
        QTest::addColumn<QList<int>>("removedPerBatch"); // rows removed before each insert
        QTest::addColumn<QString>("firstData");
        QTest::newRow("under cap") << 10 << 3 << 9 << QList<int>{0, 0, 0} << "a0";
        QTest::newRow("exactly cap") << 9 << 3 << 9 << QList<int>{0, 0, 0} << "a0";
        QTest::newRow("over cap") << 5 << 3 << 5 << QList<int>{0, 1, 3} << "b1";
        QTest::newRow("batch over cap") << 2 << 3 << 2 << QList<int>{0, 2, 2} << "c1";
    }

    void capsEvictOldest()
    {
        QFETCH(int, cap);
        QFETCH(int, perBatch);
        QFETCH(int, expectedRows);
        QFETCH(QList<int>, removedPerBatch);
        QFETCH(QString, firstData);

        LogModel model;
        model.setLimits(rowCap(cap));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QByteArray tags[] = {"a", "b", "c"};
        for (int i = 0; i < 3; ++i) {
            const int rowsBefore = model.rowCount();
            removed.clear();
            inserted.clear();
            model.appendRecords(batch(perBatch, tags[i]));
            const int expectRemoved = removedPerBatch.at(i);
            QCOMPARE(removed.count(), expectRemoved ? 1 : 0);
            if (expectRemoved) {
                QCOMPARE(removed.at(0).at(1).toInt(), 0);
                QCOMPARE(removed.at(0).at(2).toInt(), expectRemoved - 1);
            }
            // One insert block per batch, at the end.
            QCOMPARE(inserted.count(), 1);
            const int kept = qMin(perBatch, cap);
            QCOMPARE(inserted.at(0).at(1).toInt(), rowsBefore - expectRemoved);
            QCOMPARE(inserted.at(0).at(2).toInt(), rowsBefore - expectRemoved + kept - 1);
        }
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), expectedRows);
        QCOMPARE(dataAt(model, 0), firstData);
        QCOMPARE(dataAt(model, model.rowCount() - 1), QStringLiteral("c%1").arg(perBatch - 1));
        // Sequence numbers are stable: row 0's sequence tells how many went.
        QCOMPARE(model.index(0, 0).data(LogModel::SequenceRole).toULongLong(),
                 quint64(3 * qMin(perBatch, cap) - expectedRows));
    }

    void capsByBytes()
    {
        LogModel model;
        LogStore::Limits limits;
        limits.maxBytes = 10 * (LogStore::RowOverhead + 100);
        model.setLimits(limits);
        for (int i = 0; i < 5; ++i) {
            LogRecords b;
            for (int j = 0; j < 4; ++j)
                b << rx(QByteArray(100, char('a' + i)));
            model.appendRecords(b);
            QVERIFY(model.store().bytes() <= limits.maxBytes);
        }
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(dataAt(model, 0).startsWith(QLatin1Char('c')));
    }

    void splitCharactersRenderOnce_data()
    {
        QTest::addColumn<LogModel::DisplayMode>("mode");
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("rows");
        // 你好 in GBK is C4 E3 BA C3; in UTF-8 E4 BD A0 E5 A5 BD.
        QTest::newRow("gbk lead byte at end")
            << LogModel::DisplayMode::Gbk << QList<QByteArray>{"\xC4\xE3\xBA", "\xC3!"}
            << QStringList{QStringLiteral("你"), QStringLiteral("好!")};
        QTest::newRow("gbk one byte per record")
            << LogModel::DisplayMode::Gbk << QList<QByteArray>{"\xC4", "\xE3", "\xBA", "\xC3"}
            << QStringList{QStringLiteral("…continues"), QStringLiteral("你"),
                           QStringLiteral("…continues"), QStringLiteral("好")};
        QTest::newRow("utf8 split in the middle")
            << LogModel::DisplayMode::Utf8 << QList<QByteArray>{"a\xE4\xBD", "\xA0\xE5\xA5\xBD"}
            << QStringList{QStringLiteral("a"), QStringLiteral("你好")};
    }

    void splitCharactersRenderOnce()
    {
        QFETCH(LogModel::DisplayMode, mode);
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, rows);
        LogModel model;
        model.setDisplayMode(mode);
        model.appendRecords(stream(chunks));
        QCOMPARE(model.rowCount(), rows.size());
        QString all;
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(dataAt(model, i), rows.at(i));
            all += dataAt(model, i);
        }
        QCOMPARE(all.count(QStringLiteral("你")), 1);
        QCOMPARE(all.count(QStringLiteral("好")), 1);
        // The payload role carries the record's own bytes, untouched.
        for (int i = 0; i < chunks.size(); ++i)
            QCOMPARE(model.index(i, 0).data(LogModel::BytesRole).toByteArray(), chunks.at(i));
    }

    void displayModeRerendersFromBytes()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendRecords(stream({"hi", "\xC4\xE3\xBA\xC3", "ok"}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setDisplayMode(LogModel::DisplayMode::Gbk);
        QCOMPARE(dataAt(model, 1), QStringLiteral("你好"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, LogModel::DataColumn));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(2, LogModel::DataColumn));

        model.setDisplayMode(LogModel::DisplayMode::Hex);
        QCOMPARE(dataAt(model, 1), QStringLiteral("C4 E3 BA C3"));
        QCOMPARE(dataAt(model, 0), QStringLiteral("68 69"));
        model.setDisplayMode(LogModel::DisplayMode::Gbk);
        QCOMPARE(dataAt(model, 1), QStringLiteral("你好"));
        // Not valid UTF-8: every byte shows as an escape, none is lost.
        model.setDisplayMode(LogModel::DisplayMode::Utf8);
        // The trailing C3 could start a character: it shows with the next record
        // of the stream, where it turns out invalid.
        QCOMPARE(dataAt(model, 1), QStringLiteral("\\xC4\\xE3\\xBA"));
        QCOMPARE(dataAt(model, 2), QStringLiteral("\\xC3ok"));
        model.setDisplayMode(LogModel::DisplayMode::Latin1);
        QCOMPARE(dataAt(model, 1), QStringLiteral("Äã\u00BAÃ"));
        QCOMPARE(changed.count(), 5);
        model.setDisplayMode(LogModel::DisplayMode::Latin1); // no change, no signal
        QCOMPARE(changed.count(), 5);
        QCOMPARE(model.index(1, 0).data(LogModel::BytesRole).toByteArray(),
                 QByteArray("\xC4\xE3\xBA\xC3"));
    }

    void controlCharactersVisible_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("shown");
        QTest::newRow("crlf tab") << QByteArray("a\r\n\tb") << QStringLiteral("a\\r\\n\\tb");
        QTest::newRow("nul and bell") << QByteArray("x\0\a", 3) << QStringLiteral("x\\0\\x07");
        QTest::newRow("backslash vs invalid byte")
            << QByteArray("\\x41\xFF") << QStringLiteral("\\\\x41\\xFF");
        QTest::newRow("replacement char vs invalid")
            << QByteArray("\xEF\xBF\xBD\xFE\\") << QStringLiteral("\uFFFD\\xFE\\\\");
    }

    void controlCharactersVisible()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, shown);
        LogModel model;
        model.appendRecords({rx(bytes)});
        QCOMPARE(dataAt(model, 0), shown);
        // The shown text is escape syntax that reads back to the exact bytes.
        const EscapeParseResult parsed = parseEscapes(shown);
        QVERIFY(parsed.ok());
        QByteArray back;
        for (const EscapeSegment &s : parsed.segments)
            back += s.kind == EscapeSegment::Kind::Text ? s.text.toUtf8() : s.bytes;
        QCOMPARE(back, bytes);
    }

    void pauseHoldsAndResumeAppends()
    {
        LogModel model;
        model.setLimits(rowCap(5));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendRecords(batch(2, "live"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy paused(&model, &LogModel::pausedChanged);
        model.pause();
        QVERIFY(model.isPaused());
        model.appendRecords(batch(2, "p"));
        model.appendRecords(batch(2, "q"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.heldCount(), 4);
        model.resume();
        QVERIFY(!model.isPaused());
        QCOMPARE(paused.count(), 2);
        QCOMPARE(inserted.count(), 1); // one block for everything held
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.heldCount(), 0);
        QCOMPARE(dataAt(model, 0), QStringLiteral("live1"));
        QCOMPARE(dataAt(model, 4), QStringLiteral("q1"));

        // Held records obey the caps too.
        model.pause();
        for (int i = 0; i < 10; ++i)
            model.appendRecords(batch(3, "h" + QByteArray::number(i)));
        QCOMPARE(model.heldCount(), 5);
        model.resume();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(dataAt(model, 0), QStringLiteral("h81"));
        QCOMPARE(dataAt(model, 4), QStringLiteral("h92"));
    }

    void findRow_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hex");
        QTest::addColumn<int>("from");
        QTest::addColumn<bool>("forward");
        QTest::addColumn<int>("expected");
        // rows: 0 "Hello", 1 "world", 2 01 02 AB, 3 "say hello again", 4 event "Hello event"
        QTest::newRow("text case-insensitive") << "HELLO" << false << 0 << true << 0;
        QTest::newRow("text next") << "hello" << false << 1 << true << 3;
        QTest::newRow("text wraps forward") << "world" << false << 2 << true << 1;
        QTest::newRow("text backward") << "hello" << false << 2 << false << 0;
        QTest::newRow("text wraps backward") << "again" << false << 0 << false << 3;
        QTest::newRow("from out of range") << "world" << false << 99 << true << 1;
        QTest::newRow("escaped control") << "\\x01" << false << 0 << true << 2;
        QTest::newRow("event text") << "EVENT" << false << 0 << true << 4;
        QTest::newRow("hex") << "02 ab" << true << 0 << true << 2;
        QTest::newRow("hex ascii") << "6c6c" << true << 1 << true << 3;
        QTest::newRow("hex wraps") << "48 65" << true << 1 << true << 0;
        QTest::newRow("hex invalid") << "0g" << true << 0 << true << -1;
        QTest::newRow("not found") << "nope" << false << 0 << true << -1;
        QTest::newRow("empty") << "" << false << 0 << true << -1;
    }

    void findRow()
    {
        QFETCH(QString, text);
        QFETCH(bool, hex);
        QFETCH(int, from);
        QFETCH(bool, forward);
        QFETCH(int, expected);
        LogModel model;
        model.appendRecords({rx("Hello"), tx("world"), rx("\x01\x02\xAB"), rx("say hello again"),
                             ev(QStringLiteral("Hello event"))});
        QCOMPARE(model.findRow(text, hex, from, forward), expected);
    }

    void findRowInDecodedText()
    {
        LogModel model;
        model.appendRecords({rx("abc"), rx("\xC4\xE3\xBA\xC3")});
        QCOMPARE(model.findRow(QStringLiteral("你好"), false, 0, true), -1); // UTF-8: not text
        model.setDisplayMode(LogModel::DisplayMode::Gbk);
        QCOMPARE(model.findRow(QStringLiteral("你好"), false, 0, true), 1);
        model.setDisplayMode(LogModel::DisplayMode::Hex);
        QCOMPARE(model.findRow(QStringLiteral("e3 ba"), false, 0, true), 1);
    }

    void truncatesLongPayloads()
    {
        LogModel model;
        const QByteArray big(3000, 'A');
        model.appendRecords({rx(big), rx(QByteArray(LogModel::DefaultRenderLimit, 'B'))});
        const QString shown = dataAt(model, 0);
        QVERIFY2(shown.endsWith(QStringLiteral("… (3000 bytes)")), qPrintable(shown));
        QCOMPARE(shown.count(QLatin1Char('A')), LogModel::DefaultRenderLimit);
        QCOMPARE(model.index(0, 0).data(LogModel::BytesRole).toByteArray(), big);
        QCOMPARE(model.index(0, LogModel::LengthColumn).data().toString(), QStringLiteral("3000"));
        // Exactly at the limit: nothing cut.
        QCOMPARE(dataAt(model, 1), QString(LogModel::DefaultRenderLimit, QLatin1Char('B')));

        model.setRenderLimit(4);
        model.setDisplayMode(LogModel::DisplayMode::Hex);
        QCOMPARE(dataAt(model, 0), QStringLiteral("41 41 41 41… (3000 bytes)"));
        // A character cut by the limit is held back, not shown broken.
        model.clear();
        model.setDisplayMode(LogModel::DisplayMode::Utf8);
        model.appendRecords({rx("abc\xE4\xBD\xA0xyz")});
        QCOMPARE(dataAt(model, 0), QStringLiteral("abc… (9 bytes)"));
    }

    void flagsAndRoles()
    {
        LogModel model;
        LogRecord bad = rx("data", 3, LogRecord::ChecksumBad);
        bad.timeUs = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9)).toMSecsSinceEpoch() * 1000 + 123;
        model.appendRecords({bad, rx("cut", 3, LogRecord::Oversized),
                             rx("end", 3, LogRecord::Incomplete), tx("sent", 3),
                             ev(QStringLiteral("listening")),
                             ev(QStringLiteral("failed"), 0, true)});
        model.setPeerName(3, QStringLiteral("127.0.0.1:5000"));

        QCOMPARE(model.index(0, LogModel::TimeColumn).data().toString(),
                 QStringLiteral("07:08:09.000123"));
        QVERIFY(dataAt(model, 0).startsWith(QLatin1String("data")));
        QVERIFY(dataAt(model, 0).contains(QLatin1String("checksum bad")));
        QVERIFY(dataAt(model, 1).contains(QLatin1String("cut")));
        QVERIFY(dataAt(model, 2).contains(QLatin1String("incomplete")));
        QCOMPARE(dataAt(model, 3), QStringLiteral("sent"));
        QCOMPARE(model.index(0, 0).data(LogModel::FlagsRole).toInt(), int(LogRecord::ChecksumBad));
        QCOMPARE(model.index(3, 0).data(LogModel::KindRole).toInt(), int(LogRecord::Kind::Tx));
        QCOMPARE(model.index(3, 0).data(LogModel::PeerIdRole).toUInt(), 3u);
        QCOMPARE(model.index(3, LogModel::PeerColumn).data().toString(),
                 QStringLiteral("127.0.0.1:5000"));
        QCOMPARE(model.index(4, LogModel::PeerColumn).data().toString(), QString());
        QVERIFY(model.index(0, LogModel::DirectionColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("RX")));
        QVERIFY(model.index(3, LogModel::DirectionColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("TX")));
        QVERIFY(model.index(5, LogModel::DirectionColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("Error")));
        QCOMPARE(model.index(4, LogModel::LengthColumn).data().toString(), QString());
        QCOMPARE(model.index(4, LogModel::DataColumn).data().toString(),
                 QStringLiteral("listening"));

        const auto align = model.index(0, LogModel::LengthColumn)
                               .data(Qt::TextAlignmentRole)
                               .value<Qt::Alignment>();
        QVERIFY(align & Qt::AlignRight);
        QVERIFY(model.index(0, LogModel::DataColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Checksum mismatch")));

        // Rx, Tx, event and error rows all have distinct, valid colours.
        auto colour = [&](int row) {
            return model.index(row, LogModel::DirectionColumn)
                .data(Qt::ForegroundRole)
                .value<QColor>();
        };
        const QList<QColor> colours = {colour(1), colour(3), colour(4), colour(5)};
        for (int i = 0; i < colours.size(); ++i) {
            QVERIFY(colours[i].isValid());
            for (int j = i + 1; j < colours.size(); ++j)
                QVERIFY(colours[i] != colours[j]);
        }
    }

    void autoReplyRowsNameWhatAnswered()
    {
        LogModel model;
        LogRecord byRule = tx("pong", 3);
        byRule.flags |= LogRecord::AutoReply;
        byRule.replyRule = QStringLiteral("heartbeat");
        LogRecord byEcho = tx("ping", 3);
        byEcho.flags |= LogRecord::AutoReply | LogRecord::Echo;
        model.appendRecords({byRule, byEcho, tx("manual", 3)});

        QCOMPARE(dataAt(model, 0), QStringLiteral("pong  [auto-reply: heartbeat]"));
        QCOMPARE(dataAt(model, 1), QStringLiteral("ping  [echo]"));
        QCOMPARE(dataAt(model, 2), QStringLiteral("manual"));
        auto tip = [&](int row) {
            return model.index(row, LogModel::DirectionColumn).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(tip(0), QStringLiteral("Sent by auto-reply rule \u201Cheartbeat\u201D"));
        QCOMPARE(tip(1), QStringLiteral("Sent back by echo"));
        QCOMPARE(tip(2), QStringLiteral("Sent"));
    }

    void peerNameOutlivesAndSignals()
    {
        LogModel model;
        model.appendRecords({rx("a", 7), rx("b", 8)});
        QCOMPARE(model.index(0, LogModel::PeerColumn).data().toString(), QStringLiteral("#7"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPeerName(7, QStringLiteral("10.0.0.1:1"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(LogModel::PeerColumn));
        QCOMPARE(model.index(0, LogModel::PeerColumn).data().toString(),
                 QStringLiteral("10.0.0.1:1"));
        model.setPeerName(7, QStringLiteral("10.0.0.1:1"));
        QCOMPARE(changed.count(), 1);
    }

    // A new peer's name costs nothing per stored row: naming a peer without rows
    // signals nothing, renaming one signals its own span of rows only.
    void peerNameSignalsOnlyItsRows()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LogRecords b;
        for (int i = 0; i < 1000; ++i)
            b << rx("x", quint32(1 + i % 2));
        model.appendRecords(b);
        model.appendRecords({rx("seven", 7), tx("seven", 7)});
        model.appendRecords(b);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setPeerName(9, QStringLiteral("127.0.0.1:9"));
        QCOMPARE(changed.count(), 0);
        model.appendRecords({rx("nine", 9)});
        QCOMPARE(model.index(model.rowCount() - 1, LogModel::PeerColumn).data().toString(),
                 QStringLiteral("127.0.0.1:9"));

        model.setPeerName(7, QStringLiteral("127.0.0.1:7"));
        QCOMPARE(changed.count(), 1);
        const QModelIndex from = changed.at(0).at(0).toModelIndex();
        const QModelIndex to = changed.at(0).at(1).toModelIndex();
        QCOMPARE(from.row(), 1000);
        QCOMPARE(to.row(), 1001);
        QCOMPARE(from.column(), int(LogModel::PeerColumn));
        QCOMPARE(model.index(1001, LogModel::PeerColumn).data().toString(),
                 QStringLiteral("127.0.0.1:7"));

        // Once its rows are evicted, a peer's rename signals nothing.
        model.setLimits(rowCap(500));
        changed.clear();
        model.setPeerName(7, QStringLiteral("renamed"));
        QCOMPARE(changed.count(), 0);
        model.clear();
        model.setPeerName(1, QStringLiteral("gone"));
        QCOMPARE(changed.count(), 0);
    }

    void filterPerPeerAndKinds()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendRecords({rx("r1", 1), tx("t1", 1), rx("r2", 2), tx("t2", 2),
                             ev(QStringLiteral("e0"), 0), ev(QStringLiteral("e2"), 2)});
        QCOMPARE(filter.rowCount(), 6);

        filter.setPeerFilter(2);
        QCOMPARE(filter.peerFilter(), QSet<quint32>{2});
        QCOMPARE(filter.rowCount(), 3);
        filter.setShowTx(false);
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.index(0, LogModel::DataColumn).data().toString(), QStringLiteral("r2"));
        QCOMPARE(filter.index(1, LogModel::DataColumn).data().toString(), QStringLiteral("e2"));
        filter.setShowEvents(false);
        QCOMPARE(filter.rowCount(), 1);

        // New rows are filtered incrementally: inserts, no reset or relayout.
        QSignalSpy inserted(&filter, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&filter, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&filter, &QAbstractItemModel::layoutChanged);
        model.appendRecords({rx("r3", 2), tx("t3", 2), rx("r4", 1), rx("r5", 2)});
        QCOMPARE(filter.rowCount(), 3);
        QCOMPARE(filter.index(1, LogModel::DataColumn).data().toString(), QStringLiteral("r3"));
        QCOMPARE(filter.index(2, LogModel::DataColumn).data().toString(), QStringLiteral("r5"));
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);

        // A display-mode switch does not re-filter either.
        model.setDisplayMode(LogModel::DisplayMode::Hex);
        QCOMPARE(filter.index(1, LogModel::DataColumn).data().toString(), QStringLiteral("72 33"));
        QCOMPARE(layout.count(), 0);

        // Several peers: the rows of each of them (a multi-selection in the peer list).
        filter.setShowTx(true);
        filter.setShowEvents(true);
        model.appendRecords({rx("x1", 3), ev(QStringLiteral("e3"), 3)});
        filter.setPeerFilter(QSet<quint32>{1, 3});
        QCOMPARE(filter.peerFilter(), (QSet<quint32>{1, 3}));
        QCOMPARE(filter.rowCount(), 5); // r1 t1 r4 x1 e3
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(LogModel::PeerIdRole).toUInt() != 2);

        filter.clearPeerFilter();
        QCOMPARE(filter.rowCount(), model.rowCount());
        filter.setShowRx(false);
        QCOMPARE(filter.rowCount(), 6); // t1 t2 e0 e2 t3 e3
    }

    void flood()
    {
        // Not timed: checks that a flood stays bounded in rows and bytes.
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        LogStore::Limits limits;
        limits.maxRows = 50000;
        limits.maxBytes = 8ll * 1024 * 1024;
        model.setLimits(limits);
        QCOMPARE(filter.rowCount(), 0); // the proxy maps rows from here on, incrementally
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        LogRecords b;
        for (int i = 0; i < 1000; ++i)
            b << rx(QByteArray(48, char('a' + i % 26)), quint32(1 + i % 4));
        qint64 maxSeen = 0;
        for (int i = 0; i < 200; ++i) {
            model.appendRecords(b);
            maxSeen = qMax(maxSeen, model.store().bytes());
            if (i % 50 == 0) // the view asks for a few visible rows now and then
                QVERIFY(!dataAt(model, model.rowCount() - 1).isEmpty());
        }
        QCOMPARE(model.rowCount(), 50000);
        QCOMPARE(filter.rowCount(), 50000);
        QVERIFY(maxSeen <= limits.maxBytes);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, 0).data(LogModel::SequenceRole).toULongLong(), 150000ull);

        // The byte cap binds as well.
        LogStore::Limits tight = limits;
        tight.maxBytes = 1024 * 1024;
        model.setLimits(tight);
        model.appendRecords(b);
        QVERIFY(model.store().bytes() <= tight.maxBytes);
        QVERIFY(model.rowCount() < 50000);
        QCOMPARE(filter.rowCount(), model.rowCount());
    }
};

QTEST_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
