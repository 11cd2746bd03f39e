// RewriteRules: a relay's rewrite rules (issue #14) — which rule decides a frame of each
// direction, what it makes of it, and the rules file as untrusted input.

#include "core/autoreply/rewriterules.h"

#include "rewriterule.h"

#include <QTest>

using namespace sockscope;
using sockscope::test::rule;

namespace {

using Kind = RewriteRules::Verdict::Kind;

RewriteConfig sample()
{
    using D = RewriteRule::Direction;
    using M = AutoReplyRule::Match;
    using A = RewriteRule::Action;
    RewriteConfig c;
    c.rules << rule(QStringLiteral("off"), D::Both, M::Substring, QStringLiteral("x"), A::Drop)
            << rule(QStringLiteral("temp"), D::ClientToServer, M::Regex,
                    QStringLiteral("^temp=(\\d+)$"), A::Replace, QStringLiteral("temp=${1}0"))
            << rule(QStringLiteral("hex"), D::ServerToClient, M::HexPattern,
                    QStringLiteral("AA ?? 55"), A::Replace, QStringLiteral("\\x01\\x02"))
            << rule(QStringLiteral("slow"), D::Both, M::Substring, QStringLiteral("slow"),
                    A::Delay, {}, 250)
            << rule(QStringLiteral("hush"), D::Both, M::Substring, QStringLiteral("secret"),
                    A::Drop);
    c.rules[0].match.enabled = false; // would drop every frame with an x
    c.rules[2].match.replyFormat = AutoReplyRule::Format::Text;
    return c;
}

} // namespace

class tst_RewriteRules : public QObject
{
    Q_OBJECT

private slots:
    void verdicts_data();
    void verdicts();
    void firstEnabledMatchDecides();
    void activePerDirection();
    void jsonRoundTrip();
    void badFiles_data();
    void badFiles();
    void replyFieldWarns();
};

void tst_RewriteRules::verdicts_data()
{
    QTest::addColumn<bool>("serverToClient");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("stripped");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("ruleName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("capture, delimiter kept") << false << QByteArray("temp=25") << QByteArray("\n")
                                             << int(Kind::Replaced) << QStringLiteral("temp")
                                             << QByteArray("temp=250\n") << 0;
    QTest::newRow("c2s rule not server to client")
        << true << QByteArray("temp=25") << QByteArray("\n") << int(Kind::Pass) << QString()
        << QByteArray() << 0;
    QTest::newRow("hex wildcard") << true << QByteArray("\xAA\x10\x55") << QByteArray()
                                  << int(Kind::Replaced) << QStringLiteral("hex")
                                  << QByteArray("\x01\x02") << 0;
    QTest::newRow("hex is s2c only") << false << QByteArray("\xAA\x10\x55") << QByteArray()
                                     << int(Kind::Pass) << QString() << QByteArray() << 0;
    QTest::newRow("delay keeps the frame") << true << QByteArray("go slow") << QByteArray("\r\n")
                                           << int(Kind::Delayed) << QStringLiteral("slow")
                                           << QByteArray("go slow\r\n") << 250;
    QTest::newRow("drop") << false << QByteArray("a secret") << QByteArray("\n")
                          << int(Kind::Dropped) << QStringLiteral("hush") << QByteArray() << 0;
    QTest::newRow("disabled rule skipped") << false << QByteArray("xyz") << QByteArray("\n")
                                           << int(Kind::Pass) << QString() << QByteArray() << 0;
}

void tst_RewriteRules::verdicts()
{
    QFETCH(bool, serverToClient);
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, stripped);
    QFETCH(int, kind);
    QFETCH(QString, ruleName);
    QFETCH(QByteArray, bytes);
    QFETCH(int, delayMs);
    RewriteRules rules;
    AutoReplyIssue issue;
    QVERIFY2(rules.setConfig(sample(), &issue), qPrintable(issue.toString()));
    rules.beginBatch(serverToClient);
    const RewriteRules::Verdict v = rules.verdict(serverToClient, frame, stripped);
    QVERIFY(rules.endBatch(serverToClient).isEmpty());
    QCOMPARE(int(v.kind), kind);
    QCOMPARE(v.ruleName, ruleName);
    QCOMPARE(v.bytes, bytes);
    QCOMPARE(v.delayMs, delayMs);
    if (kind != int(Kind::Pass))
        QCOMPARE(sample().rules.at(v.rule).match.name, ruleName);
}

// "slow secret": the delay rule comes first in the list, so it decides (no drop).
void tst_RewriteRules::firstEnabledMatchDecides()
{
    RewriteRules rules;
    QVERIFY(rules.setConfig(sample()));
    const RewriteRules::Verdict v = rules.verdict(false, "slow secret", "\n");
    QCOMPARE(v.kind, Kind::Delayed);
    QCOMPARE(v.rule, 3);
}

void tst_RewriteRules::activePerDirection()
{
    RewriteRules rules;
    QVERIFY(!rules.isActive(false));
    QVERIFY(!rules.isActive(true));
    RewriteConfig c;
    c.rules << rule(QStringLiteral("c"), RewriteRule::Direction::ClientToServer,
                    AutoReplyRule::Match::Substring, QStringLiteral("a"),
                    RewriteRule::Action::Drop);
    QVERIFY(rules.setConfig(c));
    QVERIFY(rules.isActive(false));
    QVERIFY(!rules.isActive(true));
    c.rules[0].match.enabled = false;
    QVERIFY(rules.setConfig(c));
    QVERIFY(!rules.isActive(false));
    QCOMPARE(RewriteRules::describe(c),
             QStringLiteral("No rewrite rules: everything is passed on as it comes."));
    QCOMPARE(RewriteRules::describe(sample()),
             QStringLiteral("Rewrite rules: 3 for client→server, 3 for server→client."));
}

void tst_RewriteRules::jsonRoundTrip()
{
    RewriteConfig c = sample();
    c.encoding = Encoding::Gbk;
    const QByteArray json = RewriteRules::toJson(c);
    QVERIFY(json.contains("\"replacement\""));
    QVERIFY(!json.contains("\"reply\""));
    AutoReplyIssue issue;
    const std::optional<RewriteConfig> back = RewriteRules::fromJson(json, &issue);
    QVERIFY2(back, qPrintable(issue.toString()));
    QCOMPARE(*back, c);
}

void tst_RewriteRules::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<QString>("field");
    const QByteArray head(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [)");
    QTest::newRow("not JSON") << QByteArray("{") << -1 << QString();
    QTest::newRow("auto-reply file")
        << QByteArray(R"({"format": "sockscope-auto-reply", "version": 1, "rules": []})") << -1
        << QStringLiteral("format");
    QTest::newRow("future version")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 2, "rules": []})")
        << -1 << QStringLiteral("version");
    QTest::newRow("rules not an array")
        << QByteArray(R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": 3})")
        << -1 << QStringLiteral("rules");
    QTest::newRow("missing action")
        << head + R"({"match": "substring", "pattern": "a"}]})" << 0 << QStringLiteral("action");
    QTest::newRow("unknown action")
        << head + R"({"match": "substring", "pattern": "a", "action": "burn"}]})" << 0
        << QStringLiteral("action");
    QTest::newRow("action not a string")
        << head + R"({"match": "substring", "pattern": "a", "action": 1}]})" << 0
        << QStringLiteral("action");
    QTest::newRow("bad direction")
        << head + R"({"match": "substring", "pattern": "a", "action": "drop",
                      "direction": "sideways"}]})"
        << 0 << QStringLiteral("direction");
    QTest::newRow("replace without replacement")
        << head + R"({"match": "substring", "pattern": "a", "action": "drop"},
                     {"match": "substring", "pattern": "b", "action": "replace"}]})"
        << 1 << QStringLiteral("replacement");
    QTest::newRow("replacement not a string")
        << head + R"({"match": "substring", "pattern": "a", "action": "replace",
                      "replacement": 5}]})"
        << 0 << QStringLiteral("replacement");
    QTest::newRow("bad hex replacement")
        << head + R"({"match": "substring", "pattern": "a", "action": "replace",
                      "replacement": "GG", "replacementFormat": "hex"}]})"
        << 0 << QStringLiteral("replacement");
    QTest::newRow("delay without delay")
        << head + R"({"match": "substring", "pattern": "a", "action": "delay"}]})" << 0
        << QStringLiteral("delayMs");
    QTest::newRow("bad regex")
        << head + R"({"match": "regex", "pattern": "(", "action": "drop"}]})" << 0
        << QStringLiteral("pattern");
    QTest::newRow("rule not an object") << head + R"(7]})" << 0 << QString();
}

void tst_RewriteRules::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(int, ruleIndex);
    QFETCH(QString, field);
    AutoReplyIssue issue;
    QVERIFY(!RewriteRules::fromJson(json, &issue));
    QCOMPARE(issue.ruleIndex, ruleIndex);
    QCOMPARE(issue.field, field);
    QVERIFY(!issue.message.isEmpty());
}

// An auto-reply habit: "reply" in a rewrite rule is ignored, and said so.
void tst_RewriteRules::replyFieldWarns()
{
    QStringList warnings;
    const auto c = RewriteRules::fromJson(
        R"({"format": "sockscope-rewrite-rules", "version": 1, "rules": [
            {"match": "substring", "pattern": "a", "action": "replace", "replacement": "b",
             "reply": "c", "colour": "red"}]})",
        nullptr, &warnings);
    QVERIFY(c);
    QCOMPARE(c->rules.at(0).match.reply, QStringLiteral("b"));
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).contains(QLatin1String("\"reply\"")));
    QVERIFY(warnings.at(1).contains(QLatin1String("colour")));
}

QTEST_GUILESS_MAIN(tst_RewriteRules)
#include "tst_rewriterules.moc"
