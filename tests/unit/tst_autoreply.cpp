#include "core/autoreply/autoreply.h"

#include "core/codec/textcodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using sockscope::AutoReply;
using sockscope::AutoReplyConfig;
using sockscope::AutoReplyIssue;
using sockscope::AutoReplyRule;
using sockscope::AutoReplyRules;
using sockscope::Encoding;
using Match = AutoReplyRule::Match;
using Format = AutoReplyRule::Format;
using MatchMode = AutoReplyConfig::MatchMode;
using EchoMode = AutoReplyConfig::EchoMode;

namespace sockscope {
// Found by ADL from QCOMPARE on lists, so a mismatch shows the reply.
char *toString(const AutoReply &r)
{
    const QByteArray text = "AutoReply(" + r.bytes.toHex(' ') + ", " +
                            QByteArray::number(r.delayMs) + "ms, " + r.source.toUtf8() + ')';
    return qstrdup(text.constData());
}
bool operator==(const AutoReply &a, const AutoReply &b)
{
    return a.bytes == b.bytes && a.delayMs == b.delayMs && a.source == b.source;
}
} // namespace sockscope

Q_DECLARE_METATYPE(AutoReplyRule)
Q_DECLARE_METATYPE(AutoReplyConfig)

namespace {

using Replies = QList<AutoReply>;

QByteArray gbk(const QString &text)
{
    const sockscope::EncodeResult r = sockscope::encodeText(text, Encoding::Gbk);
    Q_ASSERT(r.ok());
    return r.bytes;
}

AutoReplyRule rule(Match match, const QString &pattern, const QString &reply,
                   const QString &name = QStringLiteral("r"))
{
    AutoReplyRule r;
    r.name = name;
    r.match = match;
    r.pattern = pattern;
    r.reply = reply;
    return r;
}

AutoReplyRule hexRule(const QString &pattern, const QString &reply, bool contains = false)
{
    AutoReplyRule r = rule(Match::HexPattern, pattern, reply);
    r.contains = contains;
    return r;
}

AutoReply reply(const QByteArray &bytes, const QString &source = QStringLiteral("r"),
                int delayMs = 0)
{
    return AutoReply{bytes, delayMs, source};
}

AutoReplyConfig configOf(const QList<AutoReplyRule> &rules, Encoding encoding = Encoding::Utf8)
{
    AutoReplyConfig c;
    c.encoding = encoding;
    c.rules = rules;
    return c;
}

QByteArray fileWith(const QJsonArray &rules, const QJsonObject &extra = {})
{
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("sockscope-auto-reply")},
                     {QStringLiteral("version"), 1},
                     {QStringLiteral("rules"), rules}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        root.insert(it.key(), it.value());
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QJsonObject jsonRule(const QJsonObject &overrides = {})
{
    QJsonObject o{{QStringLiteral("match"), QStringLiteral("substring")},
                  {QStringLiteral("pattern"), QStringLiteral("ping")},
                  {QStringLiteral("reply"), QStringLiteral("pong")}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

class tst_AutoReply : public QObject
{
    Q_OBJECT

private slots:
    void matching_data();
    void matching();
    void invalidRules_data();
    void invalidRules();
    void setConfigIsAtomic();
    void firstMatchVersusAll();
    void disabledRules();
    void delaysCarriedThrough();
    void echo_data();
    void echo();
    void captureIsDataOnly();
    void captureBytesAreExact();
    void jsonRoundTrip();
    void jsonDefaultsAndWarnings();
    void malformedJson_data();
    void malformedJson();
    void limits();
    void issueText();
    void nestedRepeats_data();
    void nestedRepeats();
    void stepLimitSkipsAndMarksRule();
    void batchBudgetSkipsRegexRules();
};

// Each row: one rule (UTF-8 unless the encoding column says otherwise), one
// frame, the expected reply bytes; "no reply" rows use an empty expectation
// and matched=false.
void tst_AutoReply::matching_data()
{
    QTest::addColumn<AutoReplyRule>("rule");
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("matched");
    QTest::addColumn<QByteArray>("expected");

    const auto U = Encoding::Utf8;
    const auto G = Encoding::Gbk;

    // ExactBytes
    QTest::newRow("exact-text") << rule(Match::ExactBytes, QStringLiteral("PING\\r\\n"),
                                        QStringLiteral("PONG\\r\\n"))
                                << U << QByteArray("PING\r\n") << true << QByteArray("PONG\r\n");
    QTest::newRow("exact-text-longer-frame")
        << rule(Match::ExactBytes, QStringLiteral("PING"), QStringLiteral("x")) << U
        << QByteArray("PING!") << false << QByteArray();
    QTest::newRow("exact-text-prefix-frame")
        << rule(Match::ExactBytes, QStringLiteral("PING"), QStringLiteral("x")) << U
        << QByteArray("PIN") << false << QByteArray();
    {
        AutoReplyRule r =
            rule(Match::ExactBytes, QStringLiteral("01 03 00 00"), QStringLiteral("01 83 02"));
        r.patternFormat = Format::Hex;
        r.replyFormat = Format::Hex;
        QTest::newRow("exact-hex")
            << r << U << QByteArray::fromHex("01030000") << true << QByteArray::fromHex("018302");
        QTest::newRow("exact-hex-differs")
            << r << U << QByteArray::fromHex("01030001") << false << QByteArray();
    }
    QTest::newRow("exact-raw-bytes-escape")
        << rule(Match::ExactBytes, QStringLiteral("\\xFF\\x00A"), QStringLiteral("\\x06")) << U
        << QByteArray("\xFF\x00"
                      "A",
                      3)
        << true << QByteArray("\x06");
    QTest::newRow("exact-gbk-text")
        << rule(Match::ExactBytes, QStringLiteral("查询"), QStringLiteral("好")) << G
        << gbk(QStringLiteral("查询")) << true << gbk(QStringLiteral("好"));
    QTest::newRow("exact-gbk-text-utf8-frame")
        << rule(Match::ExactBytes, QStringLiteral("查询"), QStringLiteral("好")) << G
        << QStringLiteral("查询").toUtf8() << false << QByteArray();

    // HexPattern
    QTest::newRow("hex-whole") << hexRule(QStringLiteral("AA 55"), QStringLiteral("ok")) << U
                               << QByteArray::fromHex("AA55") << true << QByteArray("ok");
    QTest::newRow("hex-whole-longer") << hexRule(QStringLiteral("AA 55"), QStringLiteral("ok")) << U
                                      << QByteArray::fromHex("AA5500") << false << QByteArray();
    QTest::newRow("hex-wildcard") << hexRule(QStringLiteral("AA ?? ?? 55"), QStringLiteral("ok"))
                                  << U << QByteArray::fromHex("AA123455") << true
                                  << QByteArray("ok");
    QTest::newRow("hex-wildcard-packed")
        << hexRule(QStringLiteral("AA????55"), QStringLiteral("ok")) << U
        << QByteArray::fromHex("AAFFFF55") << true << QByteArray("ok");
    QTest::newRow("hex-wildcard-wrong-length")
        << hexRule(QStringLiteral("AA ?? 55"), QStringLiteral("ok")) << U
        << QByteArray::fromHex("AA121255") << false << QByteArray();
    QTest::newRow("hex-wildcard-fixed-byte-differs")
        << hexRule(QStringLiteral("AA ?? 55"), QStringLiteral("ok")) << U
        << QByteArray::fromHex("AA1256") << false << QByteArray();
    QTest::newRow("hex-contains") << hexRule(QStringLiteral("03 ?? 04"), QStringLiteral("ok"), true)
                                  << U << QByteArray::fromHex("0001020399040506") << true
                                  << QByteArray("ok");
    QTest::newRow("hex-contains-at-end")
        << hexRule(QStringLiteral("05 ??"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("000105FF") << true << QByteArray("ok");
    QTest::newRow("hex-contains-anchor-too-close-to-end")
        << hexRule(QStringLiteral("05 ??"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("000105") << false << QByteArray();
    QTest::newRow("hex-contains-whole-frame")
        << hexRule(QStringLiteral("03 ?? 04"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("03AA04") << true << QByteArray("ok");
    QTest::newRow("hex-contains-leading-wildcard-earliest")
        << hexRule(QStringLiteral("?? 05"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("0105") << true << QByteArray("ok");
    QTest::newRow("hex-contains-leading-wildcard-at-start")
        << hexRule(QStringLiteral("?? 01"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("01") << false << QByteArray();
    QTest::newRow("hex-contains-second-candidate")
        << hexRule(QStringLiteral("01 ?? 03"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("0102040102 03") << true << QByteArray("ok");
    QTest::newRow("hex-contains-only-wildcards")
        << hexRule(QStringLiteral("?? ??"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("0102") << true << QByteArray("ok");
    QTest::newRow("hex-contains-absent")
        << hexRule(QStringLiteral("03 ?? 04"), QStringLiteral("ok"), true) << U
        << QByteArray::fromHex("03990503") << false << QByteArray();

    // Substring
    QTest::newRow("substring") << rule(Match::Substring, QStringLiteral("temp"),
                                       QStringLiteral("25C"))
                               << U << QByteArray("get temp now") << true << QByteArray("25C");
    QTest::newRow("substring-case")
        << rule(Match::Substring, QStringLiteral("TEMP"), QStringLiteral("25C")) << U
        << QByteArray("get temp") << false << QByteArray();
    {
        AutoReplyRule r = rule(Match::Substring, QStringLiteral("TEMP"), QStringLiteral("25C"));
        r.ignoreCase = true;
        QTest::newRow("substring-ignore-case")
            << r << U << QByteArray("get temp") << true << QByteArray("25C");
    }
    QTest::newRow("substring-escape")
        << rule(Match::Substring, QStringLiteral("\\r\\n\\x41"), QStringLiteral("y")) << U
        << QByteArray("x\r\nA") << true << QByteArray("y");
    QTest::newRow("substring-gbk")
        << rule(Match::Substring, QStringLiteral("温度"), QStringLiteral("二十五度")) << G
        << gbk(QStringLiteral("查询温度！")) << true << gbk(QStringLiteral("二十五度"));
    QTest::newRow("substring-gbk-absent")
        << rule(Match::Substring, QStringLiteral("湿度"), QStringLiteral("x")) << G
        << gbk(QStringLiteral("查询温度")) << false << QByteArray();
    // "中" in GBK is D6 D0; the pair D0 D6 straddling "中中" is another
    // character. Matching decoded text never sees it.
    QTest::newRow("substring-gbk-no-straddle")
        << rule(Match::Substring, sockscope::decodeText(QByteArray::fromHex("D0D6"), Encoding::Gbk),
                QStringLiteral("x"))
        << G << gbk(QStringLiteral("中中")) << false << QByteArray();
    QTest::newRow("substring-utf8-chinese")
        << rule(Match::Substring, QStringLiteral("你好"), QStringLiteral("在")) << U
        << QStringLiteral("说你好").toUtf8() << true << QStringLiteral("在").toUtf8();

    // Regex
    QTest::newRow("regex") << rule(Match::Regex, QStringLiteral("^GET (\\w+)$"),
                                   QStringLiteral("VAL ${1}=42"))
                           << U << QByteArray("GET speed") << true << QByteArray("VAL speed=42");
    QTest::newRow("regex-no-match")
        << rule(Match::Regex, QStringLiteral("^GET (\\w+)$"), QStringLiteral("x")) << U
        << QByteArray("SET speed") << false << QByteArray();
    QTest::newRow("regex-whole-match-and-two-digit-group")
        << rule(Match::Regex, QStringLiteral("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)"),
                QStringLiteral("[${0}|${11}|${1}${10}]"))
        << U << QByteArray("xabcdefghijkx") << true << QByteArray("[abcdefghijk|k|aj]");
    QTest::newRow("regex-named-group")
        << rule(Match::Regex, QStringLiteral("id=(?<id>\\d+)"), QStringLiteral("ack ${id}")) << U
        << QByteArray("cmd id=0042;") << true << QByteArray("ack 0042");
    QTest::newRow("regex-unmatched-optional-group")
        << rule(Match::Regex, QStringLiteral("^a(x)?b$"), QStringLiteral("<${1}>")) << U
        << QByteArray("ab") << true << QByteArray("<>");
    QTest::newRow("regex-ignore-case") <<
        [] {
            AutoReplyRule r = rule(Match::Regex, QStringLiteral("^hello$"), QStringLiteral("hi"));
            r.ignoreCase = true;
            return r;
        }() << U << QByteArray("HeLLo") << true
                                       << QByteArray("hi");
    QTest::newRow("regex-gbk-capture") << rule(Match::Regex, QStringLiteral("^设置(.+)为(\\d+)$"),
                                               QStringLiteral("已将${1}设为${2}"))
                                       << G << gbk(QStringLiteral("设置温度为25")) << true
                                       << gbk(QStringLiteral("已将温度设为25"));
    QTest::newRow("regex-gbk-class")
        << rule(Match::Regex, QStringLiteral("[\\x{4e00}-\\x{9fff}]{2}"), QStringLiteral("cn")) << G
        << gbk(QStringLiteral("ab中文")) << true << QByteArray("cn");
    {
        AutoReplyRule r =
            rule(Match::Regex, QStringLiteral("^R(\\d)$"), QStringLiteral("02 ${1} 03"));
        r.replyFormat = Format::Hex;
        QTest::newRow("regex-hex-reply-with-capture") << r << U << QByteArray("R7") << true
                                                      << QByteArray("\x02"
                                                                    "7\x03");
    }
    QTest::newRow("regex-literal-dollar")
        << rule(Match::Regex, QStringLiteral("x"), QStringLiteral("\\u0024{1} $1 $")) << U
        << QByteArray("x") << true << QByteArray("${1} $1 $");
    QTest::newRow("non-regex-reply-is-literal")
        << rule(Match::Substring, QStringLiteral("x"), QStringLiteral("${1}")) << U
        << QByteArray("x") << true << QByteArray("${1}");

    // Replies
    QTest::newRow("empty-reply-matches-silently")
        << rule(Match::Substring, QStringLiteral("x"), QString()) << U << QByteArray("x") << true
        << QByteArray();
    QTest::newRow("reply-gbk-with-raw-bytes")
        << rule(Match::Substring, QStringLiteral("q"), QStringLiteral("\\x02好\\x03")) << G
        << QByteArray("q") << true << QByteArray("\x02") + gbk(QStringLiteral("好")) + "\x03";
    QTest::newRow("reply-latin1") << rule(Match::Substring, QStringLiteral("q"),
                                          QStringLiteral("é"))
                                  << Encoding::Latin1 << QByteArray("q") << true
                                  << QByteArray("\xE9");
}

void tst_AutoReply::matching()
{
    QFETCH(AutoReplyRule, rule);
    QFETCH(Encoding, encoding);
    QFETCH(QByteArray, frame);
    QFETCH(bool, matched);
    QFETCH(QByteArray, expected);

    AutoReplyRules rules;
    AutoReplyIssue error;
    QVERIFY2(rules.setConfig(configOf({rule}, encoding), &error), qPrintable(error.toString()));
    QVERIFY(!AutoReplyRules::checkRule(rule, encoding));

    // A matching rule with an empty reply sends nothing, but still counts as
    // a match: echo fallback tells the two apart.
    AutoReplyConfig c = rules.config();
    c.echo = EchoMode::Fallback;
    AutoReplyRules withEcho;
    QVERIFY(withEcho.setConfig(c));

    const Replies replies = rules.repliesFor(frame);
    const Replies echoed = withEcho.repliesFor(frame);
    if (!matched) {
        QCOMPARE(replies, Replies{});
        QCOMPARE(echoed, Replies{reply(frame, QStringLiteral("echo"))});
    } else if (expected.isEmpty()) {
        QCOMPARE(replies, Replies{});
        QCOMPARE(echoed, Replies{});
    } else {
        QCOMPARE(replies, Replies{reply(expected, rule.name)});
        QCOMPARE(echoed, Replies{reply(expected, rule.name)});
    }
}

void tst_AutoReply::invalidRules_data()
{
    QTest::addColumn<AutoReplyRule>("rule");
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QString>("field");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<QString>("messagePart");

    const auto U = Encoding::Utf8;
    const QString pattern = QStringLiteral("pattern");
    const QString replyField = QStringLiteral("reply");

    QTest::newRow("empty-pattern") << rule(Match::Substring, QString(), QStringLiteral("x")) << U
                                   << pattern << qsizetype(-1) << QStringLiteral("empty");
    {
        AutoReplyRule r = rule(Match::ExactBytes, QStringLiteral("01 0G"), QStringLiteral("x"));
        r.patternFormat = Format::Hex;
        QTest::newRow("exact-bad-hex")
            << r << U << pattern << qsizetype(4) << QStringLiteral("'G' is not a hex digit");
    }
    QTest::newRow("exact-bad-escape")
        << rule(Match::ExactBytes, QStringLiteral("ab\\q"), QStringLiteral("x")) << U << pattern
        << qsizetype(2) << QString();
    QTest::newRow("hex-bad-digit-after-wildcard")
        << hexRule(QStringLiteral("AA ?? 5Z"), QStringLiteral("x")) << U << pattern << qsizetype(7)
        << QStringLiteral("'Z'");
    QTest::newRow("hex-single-question-mark")
        << hexRule(QStringLiteral("AA ? 55"), QStringLiteral("x")) << U << pattern << qsizetype(3)
        << QStringLiteral("'?'");
    QTest::newRow("hex-three-question-marks")
        << hexRule(QStringLiteral("AA???"), QStringLiteral("x")) << U << pattern << qsizetype(4)
        << QStringLiteral("'?'");
    QTest::newRow("hex-odd-digits") << hexRule(QStringLiteral("??ABC"), QStringLiteral("x")) << U
                                    << pattern << qsizetype(2) << QStringLiteral("odd");
    QTest::newRow("hex-only-separators") << hexRule(QStringLiteral(" , "), QStringLiteral("x")) << U
                                         << pattern << qsizetype(-1) << QStringLiteral("empty");
    QTest::newRow("substring-high-byte")
        << rule(Match::Substring, QStringLiteral("a\\\\x80\\x80"), QStringLiteral("x")) << U
        << pattern << qsizetype(6) << QStringLiteral("hex pattern");
    QTest::newRow("regex-unbalanced")
        << rule(Match::Regex, QStringLiteral("ab(c"), QStringLiteral("x")) << U << pattern
        << qsizetype(4) << QStringLiteral("invalid regular expression");
    QTest::newRow("regex-bad-quantifier")
        << rule(Match::Regex, QStringLiteral("a**+"), QStringLiteral("x")) << U << pattern
        << qsizetype(2) << QStringLiteral("invalid regular expression");
    QTest::newRow("regex-missing-group")
        << rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("ok ${2}")) << U << replyField
        << qsizetype(3) << QStringLiteral("no group 2");
    QTest::newRow("regex-missing-named-group")
        << rule(Match::Regex, QStringLiteral("(?<a>x)"), QStringLiteral("${b}")) << U << replyField
        << qsizetype(0) << QStringLiteral("\"b\"");
    QTest::newRow("regex-unclosed-placeholder")
        << rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("ab${1")) << U << replyField
        << qsizetype(2) << QStringLiteral("closing");
    QTest::newRow("regex-bad-placeholder")
        << rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("${1x}")) << U << replyField
        << qsizetype(0) << QStringLiteral("placeholders");
    QTest::newRow("regex-three-digit-placeholder")
        << rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("${100}")) << U << replyField
        << qsizetype(0) << QStringLiteral("placeholders");
    QTest::newRow("reply-bad-escape-after-placeholder")
        << rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("${1}\\x4")) << U << replyField
        << qsizetype(4) << QString();
    {
        AutoReplyRule r = rule(Match::Regex, QStringLiteral("(a)"), QStringLiteral("01 ${1} 0"));
        r.replyFormat = Format::Hex;
        QTest::newRow("reply-bad-hex-after-placeholder")
            << r << U << replyField << qsizetype(8) << QStringLiteral("odd");
    }
    QTest::newRow("reply-unencodable-gbk")
        << rule(Match::Substring, QStringLiteral("a"), QStringLiteral("ok 😀")) << Encoding::Gbk
        << replyField << qsizetype(3) << QStringLiteral("U+1F600");
    QTest::newRow("reply-unencodable-latin1-via-escape")
        << rule(Match::Substring, QStringLiteral("a"), QStringLiteral("\\u4E2D"))
        << Encoding::Latin1 << replyField << qsizetype(-1) << QStringLiteral("Latin-1");
    QTest::newRow("exact-unencodable-pattern")
        << rule(Match::ExactBytes, QStringLiteral("x€"), QStringLiteral("y")) << Encoding::Latin1
        << pattern << qsizetype(1) << QStringLiteral("U+20AC");
    {
        AutoReplyRule r = rule(Match::Substring, QStringLiteral("a"), QStringLiteral("b"));
        r.delayMs = -1;
        QTest::newRow("negative-delay")
            << r << U << QStringLiteral("delayMs") << qsizetype(-1) << QString();
        r.delayMs = AutoReplyRules::MaxDelayMs + 1;
        QTest::newRow("huge-delay")
            << r << U << QStringLiteral("delayMs") << qsizetype(-1) << QString();
    }
}

void tst_AutoReply::invalidRules()
{
    QFETCH(AutoReplyRule, rule);
    QFETCH(Encoding, encoding);
    QFETCH(QString, field);
    QFETCH(qsizetype, position);
    QFETCH(QString, messagePart);

    const std::optional<AutoReplyIssue> checked = AutoReplyRules::checkRule(rule, encoding);
    QVERIFY(checked);
    QCOMPARE(checked->field, field);
    QCOMPARE(checked->position, position);
    QVERIFY2(checked->message.contains(messagePart), qPrintable(checked->message));
    QVERIFY(!checked->message.isEmpty());

    // In a set the same issue comes with the rule's index, and the rule is
    // not skipped: the whole set is refused, even if the rule is disabled.
    AutoReplyRule disabled = rule;
    disabled.enabled = false;
    const AutoReplyRule good = ::rule(Match::Substring, QStringLiteral("a"), QStringLiteral("b"));
    AutoReplyRules rules;
    AutoReplyIssue error;
    QVERIFY(!rules.setConfig(configOf({good, good, disabled}, encoding), &error));
    QCOMPARE(error.ruleIndex, 2);
    QCOMPARE(error.field, field);
    QCOMPARE(error.position, position);
    QCOMPARE(error.message, checked->message);
}

void tst_AutoReply::setConfigIsAtomic()
{
    AutoReplyRules rules;
    const AutoReplyConfig good = configOf(
        {rule(Match::Substring, QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("one"))});
    QVERIFY(rules.setConfig(good));

    AutoReplyConfig bad = configOf(
        {rule(Match::Substring, QStringLiteral("b"), QStringLiteral("B")),
         rule(Match::Regex, QStringLiteral("("), QStringLiteral("x"), QStringLiteral("broken"))});
    bad.echo = EchoMode::Always;
    AutoReplyIssue error;
    QVERIFY(!rules.setConfig(bad, &error));
    QCOMPARE(error.ruleIndex, 1);
    QCOMPARE(error.ruleName, QStringLiteral("broken"));

    // Still the old set, behaviour and data alike.
    QCOMPARE(rules.config(), good);
    QCOMPARE(rules.repliesFor("a"), Replies{reply("A", QStringLiteral("one"))});
    QCOMPARE(rules.repliesFor("b"), Replies{});
}

void tst_AutoReply::firstMatchVersusAll()
{
    AutoReplyConfig c = configOf({
        rule(Match::Substring, QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("r1")),
        rule(Match::Substring, QStringLiteral("b"), QStringLiteral("2"), QStringLiteral("r2")),
        rule(Match::Regex, QStringLiteral("a|b"), QStringLiteral("3"), QStringLiteral("r3")),
        rule(Match::Substring, QStringLiteral("a"), QString(), QStringLiteral("silent")),
        rule(Match::Substring, QStringLiteral("a"), QStringLiteral("5"), QString()),
    });
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor("xbx"), Replies{reply("2", QStringLiteral("r2"))});
    QCOMPARE(rules.repliesFor("ab"), Replies{reply("1", QStringLiteral("r1"))});
    QCOMPARE(rules.repliesFor("zz"), Replies{});

    c.matchMode = MatchMode::AllMatches;
    QVERIFY(rules.setConfig(c));
    // In list order; the silent rule matches but sends nothing; an unnamed
    // rule is reported by its 1-based number.
    QCOMPARE(rules.repliesFor("ab"),
             (Replies{reply("1", QStringLiteral("r1")), reply("2", QStringLiteral("r2")),
                      reply("3", QStringLiteral("r3")), reply("5", QStringLiteral("Rule 5"))}));
    QCOMPARE(rules.repliesFor("b"),
             (Replies{reply("2", QStringLiteral("r2")), reply("3", QStringLiteral("r3"))}));
    QCOMPARE(rules.repliesFor("zz"), Replies{});
}

void tst_AutoReply::disabledRules()
{
    AutoReplyRule off =
        rule(Match::ExactBytes, QStringLiteral("x"), QStringLiteral("off"), QStringLiteral("off"));
    off.enabled = false;
    const AutoReplyRule on =
        rule(Match::ExactBytes, QStringLiteral("x"), QStringLiteral("on"), QStringLiteral("on"));
    AutoReplyConfig c = configOf({off, on});
    c.echo = EchoMode::Fallback;
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor("x"), Replies{reply("on", QStringLiteral("on"))});

    // Only disabled rules match: the frame counts as unmatched.
    c.rules = {off};
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor("x"), Replies{reply("x", QStringLiteral("echo"))});
    QCOMPARE(rules.config().rules.size(), 1); // still kept, for saving
}

void tst_AutoReply::delaysCarriedThrough()
{
    AutoReplyRule a =
        rule(Match::Substring, QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("a"));
    a.delayMs = 250;
    AutoReplyRule b =
        rule(Match::Substring, QStringLiteral("a"), QStringLiteral("B"), QStringLiteral("b"));
    b.delayMs = AutoReplyRules::MaxDelayMs;
    AutoReplyConfig c = configOf({a, b});
    c.matchMode = MatchMode::AllMatches;
    c.echo = EchoMode::Always;
    c.echoDelayMs = 7;
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor("a"),
             (Replies{reply("a", QStringLiteral("echo"), 7), reply("A", QStringLiteral("a"), 250),
                      reply("B", QStringLiteral("b"), AutoReplyRules::MaxDelayMs)}));
}

void tst_AutoReply::echo_data()
{
    QTest::addColumn<EchoMode>("mode");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Replies>("expected");

    const QString echo = QStringLiteral("echo");
    const QByteArray binary("\x00\xFF\r\n\x80", 5);
    QTest::newRow("off-unmatched") << EchoMode::Off << QByteArray("zz") << Replies{};
    QTest::newRow("off-matched") << EchoMode::Off << QByteArray("hi") << Replies{reply("HI")};
    QTest::newRow("fallback-unmatched")
        << EchoMode::Fallback << QByteArray("zz") << Replies{reply("zz", echo)};
    QTest::newRow("fallback-binary-unchanged")
        << EchoMode::Fallback << binary << Replies{reply(binary, echo)};
    QTest::newRow("fallback-matched")
        << EchoMode::Fallback << QByteArray("hi") << Replies{reply("HI")};
    QTest::newRow("always-unmatched")
        << EchoMode::Always << QByteArray("zz") << Replies{reply("zz", echo)};
    QTest::newRow("always-matched")
        << EchoMode::Always << QByteArray("hi") << Replies{reply("hi", echo), reply("HI")};
}

void tst_AutoReply::echo()
{
    QFETCH(EchoMode, mode);
    QFETCH(QByteArray, frame);
    QFETCH(Replies, expected);

    AutoReplyConfig c =
        configOf({rule(Match::ExactBytes, QStringLiteral("hi"), QStringLiteral("HI"))});
    c.echo = mode;
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor(frame), expected);

    // Echo alone, without any rule.
    c.rules.clear();
    QVERIFY(rules.setConfig(c));
    QCOMPARE(rules.repliesFor(frame),
             mode == EchoMode::Off ? Replies{} : Replies{reply(frame, QStringLiteral("echo"))});
}

void tst_AutoReply::captureIsDataOnly()
{
    // Whatever the peer sends inside a capture is copied as bytes: escapes,
    // placeholders and hex in it are not interpreted.
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(
        configOf({rule(Match::Regex, QStringLiteral("^say (.*)$"), QStringLiteral("[${1}]\\n"))})));
    const QByteArray hostile("\\x41 ${1} ${0} %1 \\u0000 \"; rm -rf /");
    QCOMPARE(rules.repliesFor("say " + hostile), Replies{reply("[" + hostile + "]\n")});

    AutoReplyRule hex = rule(Match::Regex, QStringLiteral("^(.*)$"), QStringLiteral("AA ${1} BB"));
    hex.replyFormat = Format::Hex;
    QVERIFY(rules.setConfig(configOf({hex})));
    QCOMPARE(rules.repliesFor("0102"), Replies{reply("\xAA"
                                                     "0102\xBB")});
}

void tst_AutoReply::captureBytesAreExact()
{
    // Captures are the peer's bytes, located through the decoder: invalid
    // bytes around and inside a capture survive unchanged in every encoding.
    for (Encoding encoding : {Encoding::Utf8, Encoding::Gbk, Encoding::Latin1}) {
        AutoReplyRules rules;
        QVERIFY(rules.setConfig(configOf(
            {rule(Match::Regex, QStringLiteral("<([^>]*)>"), QStringLiteral("${1}"))}, encoding)));
        const QByteArray inner("\xFF\xFE"
                               "a\x81\xE4\xB8",
                               6);
        QCOMPARE(rules.repliesFor("\x80<" + inner + ">\xC3"), Replies{reply(inner)});

        QRandomGenerator rng(1234);
        for (int round = 0; round < 300; ++round) {
            QByteArray payload(int(rng.bounded(12)), Qt::Uninitialized);
            for (char &ch : payload) {
                do
                    ch = char(rng.bounded(256));
                while (ch == '<' || ch == '>');
            }
            // Random valid text (it decodes and encodes back to itself),
            // so '<' and '>' cannot be swallowed by a multibyte character.
            const QString text =
                sockscope::decodeText(payload, encoding, sockscope::InvalidBytes::Replacement);
            const sockscope::EncodeResult back = sockscope::encodeText(text, encoding);
            if (!back.ok() || back.bytes != payload)
                continue;
            const Replies got = rules.repliesFor("<" + payload + ">");
            if (payload.isEmpty())
                QCOMPARE(got, Replies{});
            else
                QCOMPARE(got, Replies{reply(payload)});
        }
    }
}

void tst_AutoReply::jsonRoundTrip()
{
    AutoReplyConfig c;
    c.encoding = Encoding::Gbk;
    c.matchMode = MatchMode::AllMatches;
    c.echo = EchoMode::Fallback;
    c.echoDelayMs = 12;
    AutoReplyRule exact = rule(Match::ExactBytes, QStringLiteral("01 03"), QStringLiteral("06"),
                               QStringLiteral("modbus"));
    exact.patternFormat = Format::Hex;
    exact.replyFormat = Format::Hex;
    exact.delayMs = 5;
    AutoReplyRule hex = hexRule(QStringLiteral("AA ?? 55"), QStringLiteral("ok\\r\\n"), true);
    hex.name = QStringLiteral("帧头");
    AutoReplyRule sub = rule(Match::Substring, QStringLiteral("温度"), QStringLiteral("25度"),
                             QStringLiteral("temp"));
    sub.ignoreCase = true;
    AutoReplyRule re = rule(Match::Regex, QStringLiteral("^设置(?<what>.+)$"),
                            QStringLiteral("好: ${what}"), QStringLiteral("set"));
    AutoReplyRule off =
        rule(Match::Substring, QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("off"));
    off.enabled = false;
    c.rules = {exact, hex, sub, re, off};

    AutoReplyRules original;
    AutoReplyIssue error;
    QVERIFY2(original.setConfig(c, &error), qPrintable(error.toString()));
    const QByteArray json = original.saveJson();

    AutoReplyRules loaded;
    QStringList warnings;
    QVERIFY2(loaded.loadJson(json, &error, &warnings), qPrintable(error.toString()));
    QCOMPARE(warnings, QStringList{});
    QCOMPARE(loaded.config(), c);
    QCOMPARE(loaded.saveJson(), json);

    const QList<QByteArray> frames{QByteArray::fromHex("0103"),
                                   QByteArray::fromHex("AA0155"),
                                   QByteArray::fromHex("00AA0155FF"),
                                   gbk(QStringLiteral("查温度")),
                                   gbk(QStringLiteral("设置温度")),
                                   gbk(QStringLiteral("设置温度x")) + QByteArray::fromHex("AA0055"),
                                   QByteArray("x"),
                                   QByteArray("nothing")};
    for (const QByteArray &frame : frames) {
        const Replies expected = original.repliesFor(frame);
        QCOMPARE(loaded.repliesFor(frame), expected);
    }
    // Not vacuous: the frames exercise every rule and the echo.
    QCOMPARE(original.repliesFor(frames[0]), Replies{reply("\x06", QStringLiteral("modbus"), 5)});
    QCOMPARE(original.repliesFor(gbk(QStringLiteral("设置温度"))),
             (Replies{reply(gbk(QStringLiteral("25度")), QStringLiteral("temp")),
                      reply(gbk(QStringLiteral("好: 温度")), QStringLiteral("set"))}));
    QCOMPARE(original.repliesFor("x"), Replies{reply("x", QStringLiteral("echo"), 12)});
    QCOMPARE(original.repliesFor(QByteArray::fromHex("00AA0155FF")),
             Replies{reply("ok\r\n", QStringLiteral("帧头"))});
    QCOMPARE(original.repliesFor(gbk(QStringLiteral("设置温度x")) + QByteArray::fromHex("AA0055")),
             (Replies{reply("ok\r\n", QStringLiteral("帧头")),
                      reply(gbk(QStringLiteral("25度")), QStringLiteral("temp")),
                      reply(gbk(QStringLiteral("好: 温度x")) + QByteArray::fromHex("AA0055"),
                            QStringLiteral("set"))}));
}

void tst_AutoReply::jsonDefaultsAndWarnings()
{
    // Minimal file: optional fields take their defaults; unknown fields are
    // ignored with a warning naming them.
    QJsonObject r = jsonRule({{QStringLiteral("comment"), QStringLiteral("hi")}});
    const QByteArray json = fileWith({r}, {{QStringLiteral("author"), QStringLiteral("me")},
                                           {QStringLiteral("encoding"), QStringLiteral("gb2312")}});
    QStringList warnings;
    AutoReplyIssue error;
    const std::optional<AutoReplyConfig> c = AutoReplyRules::fromJson(json, &error, &warnings);
    QVERIFY2(c, qPrintable(error.toString()));
    QCOMPARE(c->encoding, Encoding::Gbk);
    QCOMPARE(c->matchMode, MatchMode::FirstMatch);
    QCOMPARE(c->echo, EchoMode::Off);
    QCOMPARE(c->echoDelayMs, 0);
    QCOMPARE(c->rules.size(), 1);
    AutoReplyRule expected =
        rule(Match::Substring, QStringLiteral("ping"), QStringLiteral("pong"), QString());
    QCOMPARE(c->rules.first(), expected);
    QCOMPARE(warnings.size(), 2);
    QVERIFY(warnings.at(0).contains(QStringLiteral("\"author\"")));
    QVERIFY(warnings.at(1).contains(QStringLiteral("Rule 1")));
    QVERIFY(warnings.at(1).contains(QStringLiteral("\"comment\"")));

    // The file in the docs loads without errors or warnings.
    QFile doc(QStringLiteral(SOCKSCOPE_TEST_PEERS_DIR "/../../docs/auto-reply.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray md = doc.readAll();
    const qsizetype start = md.indexOf("```json\n");
    QVERIFY(start >= 0);
    const qsizetype end = md.indexOf("```", start + 8);
    warnings.clear();
    AutoReplyRules rules;
    QVERIFY2(rules.loadJson(md.mid(start + 8, end - start - 8), &error, &warnings),
             qPrintable(error.toString()));
    QCOMPARE(warnings, QStringList{});
    QVERIFY(rules.config().rules.size() >= 4);
}

void tst_AutoReply::malformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("ruleIndex");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    auto withRule = [](const QJsonObject &overrides) { return fileWith({jsonRule(overrides)}); };
    auto without = [](const QString &key) {
        QJsonObject o = jsonRule();
        o.remove(key);
        return fileWith({o});
    };
    const QString none;

    QTest::newRow("empty") << QByteArray() << -1 << none << QStringLiteral("JSON");
    QTest::newRow("garbage") << QByteArray("\x00\xFF{", 3) << -1 << none << QStringLiteral("JSON");
    QTest::newRow("truncated") << fileWith({jsonRule()}).chopped(3) << -1 << none
                               << QStringLiteral("JSON");
    QTest::newRow("top-array") << QByteArray("[]") << -1 << none << QStringLiteral("object");
    QTest::newRow("top-number") << QByteArray("42") << -1 << none << QString();
    QTest::newRow("no-format") << QByteArray(R"({"version":1,"rules":[]})") << -1
                               << QStringLiteral("format") << QStringLiteral("missing");
    QTest::newRow("other-format") << QByteArray(R"({"format":"other","version":1,"rules":[]})")
                                  << -1 << QStringLiteral("format")
                                  << QStringLiteral("sockscope-auto-reply");
    QTest::newRow("format-number") << QByteArray(R"({"format":1,"version":1,"rules":[]})") << -1
                                   << QStringLiteral("format") << QStringLiteral("string");
    QTest::newRow("no-version") << QByteArray(R"({"format":"sockscope-auto-reply","rules":[]})")
                                << -1 << QStringLiteral("version") << QStringLiteral("missing");
    QTest::newRow("future-version")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":2,"rules":[]})") << -1
        << QStringLiteral("version") << QStringLiteral("not supported");
    QTest::newRow("version-string")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":"1","rules":[]})") << -1
        << QStringLiteral("version") << QStringLiteral("whole number");
    QTest::newRow("version-fraction")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":1.5,"rules":[]})") << -1
        << QStringLiteral("version") << QStringLiteral("whole number");
    QTest::newRow("no-rules") << QByteArray(R"({"format":"sockscope-auto-reply","version":1})")
                              << -1 << QStringLiteral("rules") << QStringLiteral("missing");
    QTest::newRow("rules-object")
        << QByteArray(R"({"format":"sockscope-auto-reply","version":1,"rules":{}})") << -1
        << QStringLiteral("rules") << QStringLiteral("array");
    QTest::newRow("bad-encoding") << fileWith({}, {{QStringLiteral("encoding"),
                                                    QStringLiteral("EBCDIC")}})
                                  << -1 << QStringLiteral("encoding") << QStringLiteral("EBCDIC");
    QTest::newRow("encoding-null") << fileWith({}, {{QStringLiteral("encoding"), QJsonValue()}})
                                   << -1 << QStringLiteral("encoding") << QStringLiteral("string");
    QTest::newRow("bad-match-mode")
        << fileWith({}, {{QStringLiteral("matchMode"), QStringLiteral("some")}}) << -1
        << QStringLiteral("matchMode") << QStringLiteral("\"first\", \"all\"");
    QTest::newRow("bad-echo") << fileWith({}, {{QStringLiteral("echo"), true}}) << -1
                              << QStringLiteral("echo") << QStringLiteral("string");
    QTest::newRow("echo-delay-negative")
        << fileWith({}, {{QStringLiteral("echoDelayMs"), -5}}) << -1
        << QStringLiteral("echoDelayMs") << QStringLiteral("whole number");
    QTest::newRow("rule-not-object")
        << fileWith({jsonRule(), QStringLiteral("ping")}) << 1 << none << QStringLiteral("object");
    QTest::newRow("rule-null") << fileWith({QJsonValue()}) << 0 << none << QStringLiteral("object");
    QTest::newRow("missing-match") << without(QStringLiteral("match")) << 0
                                   << QStringLiteral("match") << QStringLiteral("missing");
    QTest::newRow("missing-pattern") << without(QStringLiteral("pattern")) << 0
                                     << QStringLiteral("pattern") << QStringLiteral("missing");
    QTest::newRow("missing-reply") << without(QStringLiteral("reply")) << 0
                                   << QStringLiteral("reply") << QStringLiteral("missing");
    QTest::newRow("unknown-match") << withRule({{QStringLiteral("match"), QStringLiteral("glob")}})
                                   << 0 << QStringLiteral("match") << QStringLiteral("\"regex\"");
    QTest::newRow("pattern-number") << withRule({{QStringLiteral("pattern"), 12}}) << 0
                                    << QStringLiteral("pattern") << QStringLiteral("string");
    QTest::newRow("reply-array") << withRule({{QStringLiteral("reply"), QJsonArray{1, 2}}}) << 0
                                 << QStringLiteral("reply") << QStringLiteral("string");
    QTest::newRow("name-object") << withRule({{QStringLiteral("name"), QJsonObject{}}}) << 0
                                 << QStringLiteral("name") << QStringLiteral("string");
    QTest::newRow("enabled-string")
        << withRule({{QStringLiteral("enabled"), QStringLiteral("yes")}}) << 0
        << QStringLiteral("enabled") << QStringLiteral("true");
    QTest::newRow("contains-number") << withRule({{QStringLiteral("contains"), 1}}) << 0
                                     << QStringLiteral("contains") << QStringLiteral("true");
    QTest::newRow("bad-reply-format")
        << withRule({{QStringLiteral("replyFormat"), QStringLiteral("base64")}}) << 0
        << QStringLiteral("replyFormat") << QStringLiteral("base64");
    QTest::newRow("delay-string") << withRule({{QStringLiteral("delayMs"), QStringLiteral("10")}})
                                  << 0 << QStringLiteral("delayMs") << QStringLiteral("whole");
    QTest::newRow("delay-fraction") << withRule({{QStringLiteral("delayMs"), 0.5}}) << 0
                                    << QStringLiteral("delayMs") << QStringLiteral("whole");
    QTest::newRow("delay-huge") << withRule({{QStringLiteral("delayMs"), 1e300}}) << 0
                                << QStringLiteral("delayMs") << QStringLiteral("whole");
    QTest::newRow("delay-too-long")
        << withRule({{QStringLiteral("delayMs"), AutoReplyRules::MaxDelayMs + 1}}) << 0
        << QStringLiteral("delayMs") << QStringLiteral("whole");
    QTest::newRow("huge-pattern") << withRule({{QStringLiteral("pattern"),
                                                QString(AutoReplyRules::MaxPatternChars + 1,
                                                        QLatin1Char('a'))}})
                                  << 0 << QStringLiteral("pattern") << QStringLiteral("longer");
    QTest::newRow("huge-reply") << withRule({{QStringLiteral("reply"),
                                              QString(AutoReplyRules::MaxReplyChars + 1,
                                                      QLatin1Char('a'))}})
                                << 0 << QStringLiteral("reply") << QStringLiteral("longer");
    QTest::newRow("huge-name") << withRule({{QStringLiteral("name"),
                                             QString(AutoReplyRules::MaxNameChars + 1,
                                                     QLatin1Char('a'))}})
                               << 0 << QStringLiteral("name") << QStringLiteral("longer");
    // Well-formed JSON but an invalid rule: refused with index and reason.
    QTest::newRow("bad-regex-in-second-rule")
        << fileWith({jsonRule(), jsonRule({{QStringLiteral("match"), QStringLiteral("regex")},
                                           {QStringLiteral("pattern"), QStringLiteral("a(")}})})
        << 1 << QStringLiteral("pattern") << QStringLiteral("invalid regular expression");
    QTest::newRow("bad-hex-in-disabled-rule")
        << fileWith({jsonRule({{QStringLiteral("enabled"), false},
                               {QStringLiteral("match"), QStringLiteral("hex")},
                               {QStringLiteral("pattern"), QStringLiteral("XX")}})})
        << 0 << QStringLiteral("pattern") << QStringLiteral("hex digit");
    QTest::newRow("deep-nesting") << QByteArray(100000, '[') << -1 << none
                                  << QStringLiteral("JSON");
}

void tst_AutoReply::malformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, ruleIndex);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    AutoReplyRules rules;
    const AutoReplyConfig before =
        configOf({rule(Match::Substring, QStringLiteral("keep"), QStringLiteral("kept"))});
    QVERIFY(rules.setConfig(before));

    AutoReplyIssue error;
    QVERIFY(!rules.loadJson(json, &error));
    QCOMPARE(error.ruleIndex, ruleIndex);
    QCOMPARE(error.field, field);
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.toString().contains(messagePart), qPrintable(error.toString()));
    QCOMPARE(rules.config(), before);
}

void tst_AutoReply::limits()
{
    const AutoReplyRule r = rule(Match::Substring, QStringLiteral("a"), QStringLiteral("b"));
    AutoReplyRules rules;
    AutoReplyIssue error;

    AutoReplyConfig c = configOf(QList<AutoReplyRule>(AutoReplyRules::MaxRules, r));
    QVERIFY(rules.setConfig(c));
    c.rules.append(r);
    QVERIFY(!rules.setConfig(c, &error));
    QCOMPARE(error.field, QStringLiteral("rules"));

    // The same through JSON (the file parser checks before compiling).
    QVERIFY(!AutoReplyRules::fromJson(AutoReplyRules::toJson(c), &error));
    QCOMPARE(error.field, QStringLiteral("rules"));
    QVERIFY(error.message.contains(QString::number(AutoReplyRules::MaxRules)));

    // Exactly at the size limits is fine, one more is not.
    AutoReplyRule big = r;
    big.pattern = QString(AutoReplyRules::MaxPatternChars, QLatin1Char('a'));
    big.reply = QString(AutoReplyRules::MaxReplyChars, QLatin1Char('b'));
    big.name = QString(AutoReplyRules::MaxNameChars, QLatin1Char('n'));
    QVERIFY(!AutoReplyRules::checkRule(big, Encoding::Utf8));
    big.reply += QLatin1Char('b');
    QVERIFY(AutoReplyRules::checkRule(big, Encoding::Utf8));
    QCOMPARE(AutoReplyRules::checkRule(big, Encoding::Utf8)->field, QStringLiteral("reply"));

    // Too many placeholders.
    AutoReplyRule many = rule(Match::Regex, QStringLiteral("(a)"), QString());
    for (int i = 0; i < AutoReplyRules::MaxPlaceholders; ++i)
        many.reply += QStringLiteral("${1}");
    QVERIFY(!AutoReplyRules::checkRule(many, Encoding::Utf8));
    many.reply += QStringLiteral("${1}");
    QVERIFY(AutoReplyRules::checkRule(many, Encoding::Utf8));

    // A reply that would grow past MaxReplyBytes through captures is not sent.
    AutoReplyRule amplify =
        rule(Match::Regex, QStringLiteral("^(.*)$"), QString(), QStringLiteral("amp"));
    amplify.pattern = QStringLiteral("(?s)^(.*)$");
    for (int i = 0; i < AutoReplyRules::MaxPlaceholders; ++i)
        amplify.reply += QStringLiteral("${1}");
    c = configOf({amplify}, Encoding::Latin1);
    c.echo = EchoMode::Fallback;
    QVERIFY(rules.setConfig(c));
    const QByteArray small(16, 'x');
    QCOMPARE(rules.repliesFor(small).first().bytes.size(),
             small.size() * AutoReplyRules::MaxPlaceholders);
    const QByteArray large(AutoReplyRules::MaxReplyBytes / AutoReplyRules::MaxPlaceholders + 1,
                           'x');
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("amp.*limit")));
    QCOMPARE(rules.repliesFor(large), Replies{}); // matched (no echo), but nothing sent

    // Oversized file refused before parsing.
    QVERIFY(!AutoReplyRules::fromJson(QByteArray(AutoReplyRules::MaxJsonBytes + 1, ' '), &error));
    QVERIFY(error.message.contains(QStringLiteral("MiB")));
}

void tst_AutoReply::issueText()
{
    AutoReplyIssue i;
    i.message = QStringLiteral("boom");
    QCOMPARE(i.toString(), QStringLiteral("boom"));
    i.ruleIndex = 2;
    i.field = QStringLiteral("pattern");
    i.position = 4;
    QCOMPARE(i.toString(), QStringLiteral("Rule 3, pattern, position 4: boom"));
    i.ruleName = QStringLiteral("ping");
    QCOMPARE(i.toString(), QStringLiteral("Rule 3 “ping”, pattern, position 4: boom"));
}

// Nested repeats, (a+)+, are refused at load time (checkRule: the rules editor; setConfig:
// the CLI's --rules), at the group they nest in; possessive/atomic forms are the way out.
void tst_AutoReply::nestedRepeats_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<qsizetype>("refusedAt"); // -1: accepted

    QTest::newRow("(a+)+$") << QStringLiteral("(a+)+$") << qsizetype(0);
    QTest::newRow("x(a*)*") << QStringLiteral("x(a*)*") << qsizetype(1);
    QTest::newRow("lazy-outer") << QStringLiteral("(a+)+?b") << qsizetype(0);
    QTest::newRow("list") << QStringLiteral("^(\\d+,)*\\d+$") << qsizetype(1);
    QTest::newRow("words") << QStringLiteral("^(\\w+\\s?)*$") << qsizetype(1);
    QTest::newRow("deeper") << QStringLiteral("((a+))+") << qsizetype(0);
    QTest::newRow("non-capturing") << QStringLiteral("(?:a+b?){2,}") << qsizetype(0);
    QTest::newRow("bounded-outer") << QStringLiteral("(.*a){12}") << qsizetype(0);
    QTest::newRow("open-brace-inner") << QStringLiteral("(?<n>a{2,})+") << qsizetype(0);
    QTest::newRow("in-alternative") << QStringLiteral("x|(b|c+)*") << qsizetype(2);
    QTest::newRow("after-class") << QStringLiteral("[)(]+(a+)+") << qsizetype(5);
    QTest::newRow("own-step-limit")
        << QStringLiteral("(*LIMIT_MATCH=10000000)(a|a)+$") << qsizetype(0);

    QTest::newRow("possessive-inner") << QStringLiteral("(a++)+$") << qsizetype(-1);
    QTest::newRow("atomic-group") << QStringLiteral("(?>a+)+$") << qsizetype(-1);
    QTest::newRow("possessive-outer") << QStringLiteral("(a+)++$") << qsizetype(-1);
    QTest::newRow("optional-outer") << QStringLiteral("(a+)?b") << qsizetype(-1);
    QTest::newRow("once") << QStringLiteral("(a+){1}b") << qsizetype(-1);
    QTest::newRow("sequence") << QStringLiteral("(a+)b+") << qsizetype(-1);
    QTest::newRow("bounded-inner") << QStringLiteral("(ab{1,5})+") << qsizetype(-1);
    QTest::newRow("in-class") << QStringLiteral("[(a+)]+") << qsizetype(-1);
    QTest::newRow("escaped-parens") << QStringLiteral("\\(a+\\)+") << qsizetype(-1);
    QTest::newRow("quoted") << QStringLiteral("\\Q(a+)+\\E") << qsizetype(-1);
    QTest::newRow("comment") << QStringLiteral("(x(?#+))+") << qsizetype(-1);
    QTest::newRow("literal-brace") << QStringLiteral("(a+){x}") << qsizetype(-1);
    QTest::newRow("verb") << QStringLiteral("(*UTF)^(\\d+),(\\d+)$") << qsizetype(-1);
}

void tst_AutoReply::nestedRepeats()
{
    QFETCH(QString, pattern);
    QFETCH(qsizetype, refusedAt);
    const AutoReplyRule r = rule(Match::Regex, pattern, QStringLiteral("x"));
    const std::optional<AutoReplyIssue> checked = AutoReplyRules::checkRule(r, Encoding::Utf8);
    if (refusedAt < 0) {
        QVERIFY2(!checked, qPrintable(checked ? checked->toString() : QString()));
        return;
    }
    QVERIFY(checked);
    QCOMPARE(checked->field, QStringLiteral("pattern"));
    QCOMPARE(checked->position, refusedAt);
    AutoReplyRules rules;
    AutoReplyIssue error;
    QVERIFY(!rules.setConfig(configOf({r}), &error));
    QCOMPARE(error.message, checked->message);
}

// A match that runs out of backtracking steps does not match: its rule is skipped (for
// the rest of a batch), marked with the reason, and other rules still answer.
void tst_AutoReply::stepLimitSkipsAndMarksRule()
{
    // (a|a)+ passes the load-time check; on 32 a's + b it needs ~2^32 steps.
    AutoReplyConfig config = configOf({rule(Match::Regex, QStringLiteral("(a|a)+$"),
                                            QStringLiteral("bad"), QStringLiteral("slow")),
                                       rule(Match::Regex, QStringLiteral("^ping$"),
                                            QStringLiteral("pong"), QStringLiteral("p"))});
    config.matchMode = MatchMode::AllMatches;
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(config));
    const QByteArray hostile = QByteArray(32, 'a') + 'b';

    // Outside a batch: the step limit alone.
    QCOMPARE(rules.repliesFor(hostile), Replies{});
    QVERIFY(rules.ruleTrouble(0).contains(QString::number(AutoReplyRules::MatchStepLimit)));
    QVERIFY(rules.ruleTrouble(0).contains(u"slow"));
    QVERIFY(rules.ruleTrouble(1).isEmpty());

    // In a batch: tried once, then skipped (for "ping" too); the batch's end says so.
    rules.beginBatch();
    QCOMPARE(rules.repliesFor(hostile), Replies{});
    QCOMPARE(rules.repliesFor(hostile), Replies{});
    QCOMPARE(rules.repliesFor("ping"), Replies{reply("pong", QStringLiteral("p"))});
    const QStringList notices = rules.endBatch();
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.first().contains(u"slow") && notices.first().contains(u": 3."),
             qPrintable(notices.first()));
    QVERIFY(rules.endBatch().isEmpty());

    // A valid match is still a match, and a new set clears the marks.
    QCOMPARE(rules.repliesFor(QByteArray(32, 'a')), Replies{reply("bad", QStringLiteral("slow"))});
    QVERIFY(rules.setConfig(config));
    QVERIFY(rules.ruleTrouble(0).isEmpty());
}

// Once a batch has spent BatchBudgetMs in regex matching, the rest of its regex matches
// are skipped. 1000 rules that each run out of steps need far more than the budget on any
// machine (each is ~0.3 ms here), so the budget, not the step limit, stops the later ones.
void tst_AutoReply::batchBudgetSkipsRegexRules()
{
    QList<AutoReplyRule> list;
    for (int i = 0; i < AutoReplyRules::MaxRules - 1; ++i)
        list << rule(Match::Regex, QStringLiteral("(a|aa)+$"), QStringLiteral("x"),
                     QStringLiteral("r%1").arg(i));
    list << rule(Match::ExactBytes, QStringLiteral("aab"), QStringLiteral("plain"),
                 QStringLiteral("plain"));
    AutoReplyRules rules;
    QVERIFY(rules.setConfig(configOf(list)));

    rules.beginBatch();
    QCOMPARE(rules.repliesFor("aab"), Replies{reply("plain", QStringLiteral("plain"))});
    QCOMPARE(rules.repliesFor(QByteArray(32, 'a') + 'b'), Replies{});
    const QStringList notices = rules.endBatch();
    const QString last = rules.ruleTrouble(AutoReplyRules::MaxRules - 2);
    QVERIFY2(last.contains(QStringLiteral("%1 ms").arg(AutoReplyRules::BatchBudgetMs)),
             qPrintable(last));
    QVERIFY(rules.ruleTrouble(0).contains(QString::number(AutoReplyRules::MatchStepLimit)));
    QVERIFY(notices.contains(last));
    QVERIFY(rules.ruleTrouble(AutoReplyRules::MaxRules - 1).isEmpty());
}

QTEST_GUILESS_MAIN(tst_AutoReply)
#include "tst_autoreply.moc"
