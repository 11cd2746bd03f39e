#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/log/logexport.h"

#include "fifo.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

class tst_LogExport : public QObject
{
    Q_OBJECT

private:
    // Records as a session makes them: Rx chunks with carry-in, plus an event.
    static LogRecords stream(const QList<QByteArray> &chunks)
    {
        LogRecords out;
        CharCarry utf8(Encoding::Utf8), gbk(Encoding::Gbk);
        LogRecord ev;
        ev.timeUs = 1700000000123456;
        ev.kind = LogRecord::Kind::Event;
        ev.bytes = "Connected";
        ev.peerId = 1;
        out.append(ev);
        for (const QByteArray &c : chunks) {
            LogRecord r;
            r.timeUs = 1700000000123456;
            r.peerId = 1;
            r.kind = LogRecord::Kind::Rx;
            r.carryUtf8 = utf8.feed(c);
            r.carryGbk = gbk.feed(c);
            r.bytes = c;
            out.append(r);
        }
        return out;
    }
    static QByteArray run(const LogRecords &records, const LogExport::Options &o)
    {
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        if (!LogExport::write(&buf, records, o))
            return "WRITE FAILED";
        return buf.data();
    }

private slots:
    void textLines()
    {
        LogExport::Options o;
        o.timestamps = false;
        o.encoding = Encoding::Gbk;
        o.peerName = [](quint32) { return u"127.0.0.1:5000"_s; };
        // "你好" split inside the first character, then a line with CR LF.
        const QByteArray text = run(stream({QByteArray::fromHex("c4"),
                                            QByteArray::fromHex("e3bac3"), QByteArray("ok\r\n")}),
                                    o);
        QCOMPARE(text, QByteArray("** 127.0.0.1:5000 Connected\n"
                                  "RX 127.0.0.1:5000 1 \n"
                                  "RX 127.0.0.1:5000 3 你好\n"
                                  "RX 127.0.0.1:5000 4 ok\\r\\n\n"));
        o.hex = true;
        QCOMPARE(run(stream({"AB"}), o), QByteArray("** 127.0.0.1:5000 Connected\n"
                                                    "RX 127.0.0.1:5000 2 41 42\n"));
    }

    void timestampsHaveMicroseconds()
    {
        LogExport::Options o;
        const QByteArray line = LogExport::formatRecord(stream({"x"}).at(1), o);
        QVERIFY2(line.contains(".123456 RX"), line.constData());
    }

    void csvQuoting()
    {
        LogExport::Options o;
        o.format = LogExport::Format::Csv;
        o.peerName = [](quint32) { return u"[::1]:9"_s; };
        const QByteArray csv = run(stream({QByteArray("a,\"b\"")}), o);
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].endsWith(",RX,[::1]:9,5,61 2C 22 62 22,\"a,\"\"b\"\"\""),
                 lines[1].constData());
        QVERIFY(lines[0].contains(",**,[::1]:9,,,Connected"));
    }

    // A peer's bytes must not become a spreadsheet formula: a text field starting with = + - @
    // (or a tab or CR) is quoted and prefixed with ' so spreadsheets show it as text.
    void csvFormulasNeutralised_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("=") << QByteArray("=1+1") << QByteArray("\"'=1+1\"");
        QTest::newRow("+ DDE") << QByteArray("+1+cmd|' /C calc'!A0")
                               << QByteArray("\"'+1+cmd|' /C calc'!A0\"");
        QTest::newRow("-") << QByteArray("-2+3") << QByteArray("\"'-2+3\"");
        QTest::newRow("@") << QByteArray("@SUM(A1)") << QByteArray("\"'@SUM(A1)\"");
        QTest::newRow("= with comma and quote")
            << QByteArray("=HYPERLINK(\"x\",1)") << QByteArray("\"'=HYPERLINK(\"\"x\"\",1)\"");
        QTest::newRow("plain") << QByteArray("a=b") << QByteArray("a=b");
        QTest::newRow("leading space") << QByteArray(" =1") << QByteArray(" =1");
    }

    void csvFormulasNeutralised()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, field);
        LogExport::Options o;
        o.format = LogExport::Format::Csv;
        o.peerName = [](quint32) { return u"127.0.0.1:9"_s; };
        const QByteArray line = LogExport::formatRecord(stream({payload}).at(1), o);
        const QByteArray prefix = ",RX,127.0.0.1:9," + QByteArray::number(payload.size()) + ',' +
                                  QByteArray(toHex(payload)) + ',';
        QVERIFY2(line.endsWith(prefix + field), line.constData());
    }

    void csvFieldsHelper_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("tab") << QByteArray("\t=1") << QByteArray("\"'\t=1\"");
        QTest::newRow("CR") << QByteArray("\r=1") << QByteArray("\"'\r=1\"");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("number") << QByteArray("42") << QByteArray("42");
    }

    // Tabs and CRs never reach the text column bare (they are shown as escapes), so the
    // field rule itself is checked for them.
    void csvFieldsHelper()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, field);
        QCOMPARE(LogExport::csvField(raw), field);
    }

    void rawRxIsByteExact()
    {
        QByteArray all;
        QList<QByteArray> chunks;
        for (int i = 0; i < 50; ++i) {
            QByteArray c(i * 7 + 1, char(i));
            chunks.append(c);
            all += c;
        }
        LogRecords records = stream(chunks);
        LogRecord tx;
        tx.kind = LogRecord::Kind::Tx;
        tx.peerId = 1;
        tx.bytes = "not received";
        records.insert(5, tx);
        LogExport::Options o;
        o.format = LogExport::Format::RawRx;
        QCOMPARE(run(records, o), all);
    }

    void peerFilter()
    {
        LogRecords records = stream({"one"});
        LogRecord other = records.at(1);
        other.peerId = 2;
        other.bytes = "two";
        records.append(other);
        LogExport::Options o;
        o.format = LogExport::Format::RawRx;
        o.peerFilter = {2};
        QCOMPARE(run(records, o), QByteArray("two"));
    }

    void recorderAppendsEveryBatch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"capture.bin"_s);
        LogRecorder rec;
        LogExport::Options o;
        o.format = LogExport::Format::RawRx;
        QString error;
        QVERIFY2(rec.start(path, o, &error), qPrintable(error));
        QCryptographicHash sent(QCryptographicHash::Sha256);
        for (int b = 0; b < 20; ++b) {
            const QByteArray chunk(1000 + b, char('a' + b));
            sent.addData(chunk);
            rec.append(stream({chunk}));
        }
        rec.stop();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256), sent.result());
        QCOMPARE(rec.bytesWritten(), f.size());
    }

    // A recording is everything: a peer filter in the options (the view's) is not applied.
    void recorderKeepsEveryPeer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"all.bin"_s);
        LogRecords records = stream({"one"});
        LogRecord other = records.at(1);
        other.peerId = 2;
        other.bytes = "two";
        records.append(other);
        LogRecorder rec;
        LogExport::Options o;
        o.format = LogExport::Format::RawRx;
        o.peerFilter = {2};
        QString error;
        QVERIFY2(rec.start(path, o, &error), qPrintable(error));
        rec.append(records);
        rec.stop();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("onetwo"));
    }

    // A FIFO nobody reads would block open() for writing, and the window with it.
    void recorderRefusesFifo()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(u"pipe"_s);
        QVERIFY(makeFifo(fifo));
        LogRecorder rec;
        QString error;
        bool started = true;
        {
            FifoRescuer rescuer(fifo);
            started = rec.start(fifo, {}, &error);
            QVERIFY2(!rescuer.rescued(), "start() blocked opening the FIFO");
        }
        QVERIFY(!started);
        QVERIFY2(error.contains(u"not a regular file"_s), qPrintable(error));
        QVERIFY(!rec.isRecording());
    }

    void recorderReportsUnwritablePath()
    {
        LogRecorder rec;
        QString error;
        QVERIFY(!rec.start(u"/nonexistent-dir/x.log"_s, {}, &error));
        QVERIFY2(error.contains(u"/nonexistent-dir/x.log"_s), qPrintable(error));
        QVERIFY(!rec.isRecording());
    }
};

QTEST_GUILESS_MAIN(tst_LogExport)
#include "tst_logexport.moc"
