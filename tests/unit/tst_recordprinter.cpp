// RecordPrinter: the headless runner's stdout, written on a thread of its own — lines in the
// order given, peer names as they were when each record was printed, nothing lost past the
// queue's cap, and drain() returning only once everything is written.

#include "cli/recordprinter.h"

#include "core/codec/escapes.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/report/sessionreport.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

using namespace sockscope;

namespace {

LogRecord rx(quint32 peer, const QByteArray &bytes)
{
    LogRecord r;
    r.kind = LogRecord::Kind::Rx;
    r.peerId = peer;
    r.bytes = bytes;
    return r;
}

// Everything written to `f` so far, as lines without their time stamps.
QStringList linesOf(FILE *f)
{
    fflush(f);
    rewind(f);
    QByteArray all;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        all.append(buf, qsizetype(n));
    QStringList out;
    for (const QByteArray &line : all.split('\n')) {
        if (!line.isEmpty())
            out << QString::fromUtf8(line.mid(line.indexOf(' ') + 1)); // drop the time
    }
    return out;
}

QByteArray contentsOf(FILE *f)
{
    fflush(f);
    rewind(f);
    QByteArray all;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        all.append(buf, qsizetype(n));
    return all;
}

// The printer's lines as they were before they were made fast (issue #16), written the
// straightforward way: what the printer writes must stay byte for byte the same.
class ReferencePrinter
{
public:
    explicit ReferencePrinter(const RecordPrinter::Style &style) : m_style(style) {}
    void name(quint32 id, const QString &endpoint) { m_names.insert(id, endpoint.toUtf8()); }

    QByteArray line(const LogRecord &r)
    {
        QByteArray line = isoLocalTime(r.timeUs).toUtf8() + tag(r);
        line += r.peerId ? m_names.value(r.peerId, QByteArrayLiteral("?")) : QByteArray("-");
        line += ' ';
        if (r.kind == LogRecord::Kind::Event)
            return line + "- " + escapeForDisplay(r.eventText()).toUtf8() + '\n';
        line += QByteArray::number(r.bytes.size()) + ' ';
        if (m_style.hex) {
            for (qsizetype at = 0; at < r.bytes.size(); at += 65536) {
                if (at > 0)
                    line += ' ';
                line += toHex(QByteArrayView(r.bytes).sliced(at, qMin<qsizetype>(65536, r.bytes.size() - at)));
            }
        } else {
            auto &decoder = m_decoders[quint64(r.peerId) << 1 | (r.kind == LogRecord::Kind::Tx)];
            if (!decoder)
                decoder = std::make_unique<StreamDecoder>(m_style.encoding, InvalidBytes::Visible);
            line += decoder->decode(r.bytes).toUtf8();
        }
        if (r.flags & LogRecord::ChecksumBad)
            line += " [checksum mismatch]";
        if (r.flags & LogRecord::Oversized)
            line += " [cut: frame larger than the maximum]";
        if (r.flags & LogRecord::Incomplete)
            line += " [incomplete: stream ended]";
        if (m_style.mode == Session::Mode::Relay)
            line += relayMarks(r);
        return line + '\n';
    }

private:
    QByteArray tag(const LogRecord &r) const
    {
        if (r.kind == LogRecord::Kind::Event)
            return " ** ";
        if (m_style.mode != Session::Mode::Relay)
            return r.kind == LogRecord::Kind::Rx ? " RX " : " TX ";
        const bool fromServer = r.flags & LogRecord::Upstream;
        return (r.kind == LogRecord::Kind::Rx ? !fromServer : fromServer) ? " C>S " : " S>C ";
    }
    static QByteArray relayMarks(const LogRecord &r)
    {
        const QByteArray rule = '"' + escapeForDisplay(r.replyRule).toUtf8() + '"';
        if (r.kind == LogRecord::Kind::Tx)
            return r.flags & LogRecord::Rewritten ? " [replacement: " + rule + ']' : " [injected]";
        if (r.flags & LogRecord::Rewritten)
            return " [rewritten: " + rule + ']';
        if (r.flags & LogRecord::Dropped)
            return " [dropped: " + rule + ']';
        if (r.flags & LogRecord::Delayed)
            return " [delayed: " + rule + ']';
        return {};
    }

    RecordPrinter::Style m_style;
    QHash<quint32, QByteArray> m_names;
    std::map<quint64, std::unique_ptr<StreamDecoder>> m_decoders;
};

// Records of every kind, flag and size a session logs, at times that step over seconds,
// milliseconds and (in Berlin) the change to daylight saving time.
LogRecords everyKind()
{
    LogRecords out;
    QRandomGenerator random(16);
    qint64 t = QDateTime::fromString(QStringLiteral("2026-03-29T00:59:58.990Z"), Qt::ISODateWithMs)
                   .toMSecsSinceEpoch() *
               1000;
    const auto add = [&](LogRecord::Kind kind, quint32 peer, const QByteArray &bytes,
                         LogRecord::Flags flags = {}, const QString &rule = {}) {
        LogRecord r;
        r.kind = kind;
        r.peerId = peer;
        r.bytes = bytes;
        r.flags = flags;
        r.replyRule = rule;
        r.timeUs = t;
        t += random.bounded(1, 400000); // µs: some records share a millisecond, some a second
        out << r;
    };
    using K = LogRecord::Kind;
    add(K::Event, 0, "Listening on 127.0.0.1:1 \x1b[31m\t tab", LogRecord::Error);
    add(K::Event, 1, "Connected");
    add(K::Event, 99, "unknown peer");
    add(K::Rx, 1, "hello\r\n");
    add(K::Rx, 1, {});
    add(K::Tx, 1, "\xe4\xbd"); // a character split across records
    add(K::Tx, 1, "\xa0 done \x1b[2J\x07");
    add(K::Rx, 2, "\xc4\xe3\xba\xc3 \xff\xfe", LogRecord::ChecksumBad);
    add(K::Rx, 99, "who", LogRecord::Oversized | LogRecord::Continuation);
    add(K::Rx, 0, "none", LogRecord::Incomplete | LogRecord::ChecksumOk);
    add(K::Tx, 2, "reply", LogRecord::AutoReply | LogRecord::Echo);
    add(K::Rx, 1, "temp=1", LogRecord::Rewritten, QStringLiteral("t \"q\"\n"));
    add(K::Tx, 2, "temp=10", LogRecord::Rewritten | LogRecord::Upstream, QStringLiteral("t"));
    add(K::Tx, 1, "injected");
    add(K::Tx, 2, "injected up", LogRecord::Upstream);
    add(K::Rx, 2, "ok", LogRecord::Upstream | LogRecord::Dropped, QStringLiteral("d"));
    add(K::Rx, 1, "later", LogRecord::Delayed, QStringLiteral("slow"));
    add(K::Rx, 1, "plain in a relay");
    QByteArray big(200000, Qt::Uninitialized);
    for (char &c : big)
        c = char(random.bounded(256));
    add(K::Rx, 2, big, LogRecord::Oversized);
    add(K::Rx, 1, QByteArray(65536, 'a'));
    for (int i = 0; i < 3000; ++i) {
        t += random.bounded(0, 1200) - 400;
        add(i % 3 ? K::Rx : K::Tx, 1 + i % 3, QByteArray::number(i) + "\xe4\xbd\xa0\n");
    }
    return out;
}

} // namespace

class tst_RecordPrinter : public QObject
{
    Q_OBJECT

private slots:
    void linesInOrderWithTheirNames();
    void bigBatchesPastTheCap();
    void relayMarks();
    void linesAsBefore_data();
    void linesAsBefore();
};

void tst_RecordPrinter::linesInOrderWithTheirNames()
{
    FILE *f = tmpfile();
    QVERIFY(f);
    {
        RecordPrinter printer({Session::Mode::TcpServer, false, Encoding::Utf8}, f);
        printer.print({rx(1, "before its name")});
        printer.namePeer(1, QStringLiteral("127.0.0.1:5000"));
        for (int i = 0; i < 1000; ++i)
            printer.print({rx(1, QByteArray::number(i))});
        printer.forgetName(1);
        printer.print({rx(1, "after")});
        printer.drain();
        const QStringList lines = linesOf(f);
        QCOMPARE(lines.size(), 1002);
        QCOMPARE(lines.first(), QStringLiteral("RX ? 15 before its name"));
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(lines.at(i + 1), QStringLiteral("RX 127.0.0.1:5000 %1 %2")
                                          .arg(QByteArray::number(i).size())
                                          .arg(i));
        QCOMPARE(lines.last(), QStringLiteral("RX ? 5 after"));
    }
    fclose(f);
}

// Batches larger than the cap, and many of them: print() waits for the worker but never
// deadlocks, and every byte comes out (as hex).
void tst_RecordPrinter::bigBatchesPastTheCap()
{
    FILE *f = tmpfile();
    QVERIFY(f);
    constexpr qint64 cap = 64 << 10;
    const QByteArray block(cap / 2 + 1, '\x5a'); // each batch is past the cap on its own
    {
        RecordPrinter printer({Session::Mode::TcpServer, true, Encoding::Utf8}, f, cap);
        printer.namePeer(7, QStringLiteral("p"));
        for (int i = 0; i < 12; ++i)
            printer.print({rx(7, block), rx(7, block)});
    } // the destructor writes what is left
    const QStringList lines = linesOf(f);
    QCOMPARE(lines.size(), 24);
    for (const QString &line : lines) {
        QVERIFY(line.startsWith(QStringLiteral("RX p %1 5A 5A").arg(block.size())));
        QCOMPARE(line.count(QStringLiteral("5A")), block.size());
    }
    fclose(f);
}

void tst_RecordPrinter::relayMarks()
{
    FILE *f = tmpfile();
    QVERIFY(f);
    RecordPrinter printer({Session::Mode::Relay, false, Encoding::Utf8}, f);
    printer.namePeer(1, QStringLiteral("c"));
    printer.namePeer(2, QStringLiteral("c"));
    LogRecord changed = rx(1, "temp=1");
    changed.flags = LogRecord::Rewritten;
    changed.replyRule = QStringLiteral("t");
    LogRecord replacement = changed;
    replacement.kind = LogRecord::Kind::Tx;
    replacement.peerId = 2;
    replacement.flags = LogRecord::Rewritten | LogRecord::Upstream;
    replacement.bytes = "temp=10";
    LogRecord answer = rx(2, "ok");
    answer.flags = LogRecord::Upstream | LogRecord::Dropped;
    answer.replyRule = QStringLiteral("d");
    printer.print({changed, replacement, answer});
    printer.drain();
    QCOMPARE(linesOf(f), (QStringList{QStringLiteral("C>S c 6 temp=1 [rewritten: \"t\"]"),
                                      QStringLiteral("C>S c 7 temp=10 [replacement: \"t\"]"),
                                      QStringLiteral("S>C c 2 ok [dropped: \"d\"]")}));
    fclose(f);
}

void tst_RecordPrinter::linesAsBefore_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("hex");
    QTest::addColumn<int>("encoding");
    using M = Session::Mode;
    QTest::newRow("server, hex") << int(M::TcpServer) << true << int(Encoding::Utf8);
    QTest::newRow("server, UTF-8") << int(M::TcpServer) << false << int(Encoding::Utf8);
    QTest::newRow("client, GBK") << int(M::TcpClient) << false << int(Encoding::Gbk);
    QTest::newRow("relay, hex") << int(M::Relay) << true << int(Encoding::Utf8);
    QTest::newRow("relay, UTF-8") << int(M::Relay) << false << int(Encoding::Utf8);
}

// Every byte of every line, time stamps included, as the straightforward way writes them.
void tst_RecordPrinter::linesAsBefore()
{
    QFETCH(int, mode);
    QFETCH(bool, hex);
    QFETCH(int, encoding);
    const RecordPrinter::Style style{Session::Mode(mode), hex, Encoding(encoding)};
    const QByteArray oldZone = qgetenv("TZ");
    const bool hadZone = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const LogRecords records = everyKind();
    ReferencePrinter reference(style);
    QByteArray want;
    FILE *f = tmpfile();
    QVERIFY(f);
    {
        RecordPrinter printer(style, f);
        for (quint32 id : {1, 2}) {
            const QString name = QStringLiteral("127.0.0.%1:%2").arg(id).arg(5000 + id);
            printer.namePeer(id, name);
            reference.name(id, name);
        }
        for (qsizetype at = 0; at < records.size(); at += 7) {
            const LogRecords batch = records.mid(at, 7);
            printer.print(batch);
            for (const LogRecord &r : batch)
                want += reference.line(r);
        }
        printer.drain();
    }
    const QByteArray got = contentsOf(f);
    fclose(f);
    if (hadZone)
        qputenv("TZ", oldZone);
    else
        qunsetenv("TZ");
    tzset();
    QVERIFY(want.contains("2026-03-29T01:59:59.") && want.contains("2026-03-29T03:00:00."));
    if (got != want) {
        const QList<QByteArray> a = got.split('\n'), b = want.split('\n');
        for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i)
            QCOMPARE(a.at(i).left(300), b.at(i).left(300));
        QCOMPARE(a.size(), b.size());
        QCOMPARE(got, want);
    }
}

QTEST_GUILESS_MAIN(tst_RecordPrinter)
#include "tst_recordprinter.moc"
