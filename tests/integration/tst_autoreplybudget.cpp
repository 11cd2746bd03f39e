// A regex auto-reply rule that backtracks catastrophically must not freeze the event loop
// (issue #12 item 1): a hostile peer's frames cost the loop a bounded time per batch, the
// rule is skipped once it blows its budget, and the log says which rule and why.

#include "core/framing/framingspec.h"
#include "core/autoreply/autoreply.h"
#include "core/report/lagmeter.h"
#include "core/log/logrecord.h"
#include "core/transport/tcpserversession.h"

#include "eventloop.h"
#include "lineserver.h"
#include "loopback.h"
#include "peerof.h"
#include "recordlog.h"

#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

class tst_AutoReplyBudget : public QObject
{
    Q_OBJECT

private slots:
    void hostileFramesDoNotFreezeTheLoop_data();
    void hostileFramesDoNotFreezeTheLoop();
};

void tst_AutoReplyBudget::hostileFramesDoNotFreezeTheLoop_data()
{
    QTest::addColumn<QString>("pattern");
    // Catastrophic through alternation rather than nested quantifiers, so the check at
    // load time lets them in: only the run-time budget stands between them and the loop.
    QTest::newRow("(a|a)+$") << QStringLiteral("(a|a)+$");
    QTest::newRow("(a|aa)+$") << QStringLiteral("(a|aa)+$");
}

// 500 lines of 32 × 'a' + 'b' from one client; a `ping` from another must still be
// answered by a plain rule. What is asserted is how long the loop was held (the lag
// meter's worst late tick), not how fast the machine is: unbounded, one such batch held
// it for seconds; bounded, it holds it for about the batch budget (AutoReplyRules::
// BatchBudgetMs). The bound below is 10 × that budget, room for a loaded 2-core CI.
void tst_AutoReplyBudget::hostileFramesDoNotFreezeTheLoop()
{
    QFETCH(QString, pattern);
    AutoReplyConfig config;
    AutoReplyRule hostile;
    hostile.name = QStringLiteral("hostile");
    hostile.match = AutoReplyRule::Match::Regex;
    hostile.pattern = pattern;
    hostile.reply = QStringLiteral("matched\\n");
    AutoReplyRule ping;
    ping.name = QStringLiteral("ping");
    ping.match = AutoReplyRule::Match::ExactBytes;
    ping.pattern = QStringLiteral("ping");
    ping.reply = QStringLiteral("pong\\n");
    config.rules = {hostile, ping};
    AutoReplyRules rules;
    AutoReplyIssue issue;
    QVERIFY2(rules.setConfig(config, &issue), qPrintable(issue.toString()));

    auto server = startLineServer();
    QVERIFY(server->serverPort() != 0);
    server->setAutoReplier(&rules);
    RecordLog log(server.get());
    QTcpSocket attacker;
    QTcpSocket user;
    QVERIFY(connectClient(*server, attacker) != 0);
    QVERIFY(connectClient(*server, user) != 0);

    const QByteArray line = QByteArray(32, 'a') + "b\n";
    LagMeter lag(nullptr, 5);
    lag.start();
    attacker.write(line.repeated(500));
    QVERIFY(waitUntil([&] { return attacker.bytesToWrite() == 0; }));
    user.write("ping\n");
    QByteArray answer;
    QVERIFY(waitUntil(
        [&] {
            answer += user.readAll();
            return answer.contains("pong\n");
        },
        60000));
    // Every hostile line must have been looked at (received and logged), not just dropped.
    QVERIFY(waitUntil(
        [&] {
            server->flushRecords();
            int frames = 0;
            for (const LogRecord &r : log.all())
                frames += r.kind == LogRecord::Kind::Rx && r.bytes.startsWith("aaaa") ? 1 : 0;
            return frames == 500;
        },
        60000));
    lag.stop();
    const double worstMs = lag.stats().maxMs;
    QVERIFY2(worstMs < 10 * AutoReplyRules::BatchBudgetMs,
             qPrintable(QStringLiteral("the loop was held for %1 ms").arg(worstMs)));
    QVERIFY(attacker.readAll().isEmpty()); // nothing matched: the work was cut, not finished

    // The rule is marked and the log says why, naming it.
    QVERIFY(!rules.ruleTrouble(0).isEmpty());
    QVERIFY(rules.ruleTrouble(1).isEmpty());
    bool said = false;
    for (const LogRecord &r : log.all()) {
        const QString text = QString::fromUtf8(r.bytes);
        said = said || (r.kind == LogRecord::Kind::Event && text.contains(u"hostile"));
    }
    QVERIFY(said);
}

QTEST_GUILESS_MAIN(tst_AutoReplyBudget)
#include "tst_autoreplybudget.moc"
