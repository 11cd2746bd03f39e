// RecordPrinter: the headless runner's stdout, written on a thread of its own — lines in the
// order given, peer names as they were when each record was printed, nothing lost past the
// queue's cap, and drain() returning only once everything is written.

#include "cli/recordprinter.h"

#include <QTemporaryFile>
#include <QTest>

#include <cstdio>

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

} // namespace

class tst_RecordPrinter : public QObject
{
    Q_OBJECT

private slots:
    void linesInOrderWithTheirNames();
    void bigBatchesPastTheCap();
    void relayMarks();
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

QTEST_GUILESS_MAIN(tst_RecordPrinter)
#include "tst_recordprinter.moc"
