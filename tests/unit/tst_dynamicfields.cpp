#include "core/message/dynamicfields.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>

using sockscope::ByteOrder;
using sockscope::ContentToken;
using sockscope::DynamicContext;
using sockscope::DynamicField;
using sockscope::DynamicParseResult;
using sockscope::FieldFormat;
using sockscope::FieldKind;
using sockscope::TimeStyle;

namespace {

// Compact, comparable rendering of a token list: L@pos"text" for literals,
// F@pos+len:kind for fields.
QString describe(const QList<ContentToken> &tokens)
{
    static const char *const kinds[] = {"counter", "time", "random", "len"};
    QStringList parts;
    for (const ContentToken &t : tokens) {
        if (t.kind == ContentToken::Kind::Literal)
            parts.append(QStringLiteral("L@%1\"%2\"").arg(t.position).arg(t.text));
        else
            parts.append(QStringLiteral("F@%1+%2:%3")
                             .arg(t.field.position)
                             .arg(t.field.length)
                             .arg(QLatin1String(kinds[int(t.field.kind)])));
    }
    return parts.join(u' ');
}

DynamicField onlyField(const QString &content)
{
    const DynamicParseResult r = sockscope::parseDynamicContent(content);
    if (!r.ok() || r.tokens.size() != 1 || r.tokens.first().kind != ContentToken::Kind::Field)
        return {};
    return r.tokens.first().field;
}

DynamicField binary(int width, ByteOrder order)
{
    DynamicField f;
    f.format = FieldFormat::Binary;
    f.byteWidth = width;
    f.byteOrder = order;
    return f;
}

} // namespace

class tst_DynamicFields : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void errors_data();
    void errors();
    void fieldOptions_data();
    void fieldOptions();
    void timeOptions_data();
    void timeOptions();
    void escapeLiteralBraces_data();
    void escapeLiteralBraces();
    void escapeLiteralBracesRandom();
    void integerText_data();
    void integerText();
    void integerBinary_data();
    void integerBinary();
    void integerFits_data();
    void integerFits();
    void contextSequence();
    void contextClockAndRandom();
};

void tst_DynamicFields::tokens_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("escapes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("plain") << QStringLiteral("abc") << false << QStringLiteral("L@0\"abc\"");
    QTest::newRow("only-field") << QStringLiteral("{{counter}}") << false
                                << QStringLiteral("F@0+11:counter");
    QTest::newRow("between") << QStringLiteral("a{{time}}b") << false
                             << QStringLiteral("L@0\"a\" F@1+8:time L@9\"b\"");
    QTest::newRow("adjacent-fields") << QStringLiteral("{{len}}{{random:2}}") << false
                                     << QStringLiteral("F@0+7:len F@7+12:random");
    QTest::newRow("spaces-inside")
        << QStringLiteral("{{ counter : u8 }}") << false << QStringLiteral("F@0+18:counter");
    QTest::newRow("case-insensitive")
        << QStringLiteral("{{Counter}}") << false << QStringLiteral("F@0+11:counter");
    QTest::newRow("length-alias") << QStringLiteral("{{length}}") << false
                                  << QStringLiteral("F@0+10:len");
    QTest::newRow("literal-double-brace")
        << QStringLiteral("{{{{") << false << QStringLiteral("L@0\"{{\"");
    QTest::newRow("literal-field-text")
        << QStringLiteral("{{{{counter}}") << false << QStringLiteral("L@0\"{{\" L@4\"counter}}\"");
    QTest::newRow("brace-then-field")
        << QStringLiteral("{{{counter}}") << false << QStringLiteral("L@0\"{\" F@1+11:counter");
    QTest::newRow("five-braces") << QStringLiteral("{{{{{counter}}") << false
                                 << QStringLiteral("L@0\"{{\" L@4\"{counter}}\"");
    QTest::newRow("json-not-a-field")
        << QStringLiteral("{{\"a\":1}}") << false << QStringLiteral("L@0\"{{\"a\":1}}\"");
    QTest::newRow("brace-digit") << QStringLiteral("{{1}}") << false
                                 << QStringLiteral("L@0\"{{1}}\"");
    QTest::newRow("single-braces")
        << QStringLiteral("{a} }}") << false << QStringLiteral("L@0\"{a} }}\"");
    QTest::newRow("trailing-brace") << QStringLiteral("a{") << false << QStringLiteral("L@0\"a{\"");
    QTest::newRow("time-pattern-with-colons")
        << QStringLiteral("{{time:HH:mm:ss}}") << false << QStringLiteral("F@0+17:time");
    QTest::newRow("backslash-escapes-off")
        << QStringLiteral("\\{{counter}}") << false << QStringLiteral("L@0\"\\\" F@1+11:counter");
    QTest::newRow("double-backslash-escapes-on") << QStringLiteral("\\\\{{counter}}") << true
                                                 << QStringLiteral("L@0\"\\\\\" F@2+11:counter");
    QTest::newRow("chinese-around") << QStringLiteral("中{{counter}}文") << false
                                    << QStringLiteral("L@0\"中\" F@1+11:counter L@12\"文\"");
}

void tst_DynamicFields::tokens()
{
    QFETCH(QString, content);
    QFETCH(bool, escapes);
    QFETCH(QString, expected);

    const DynamicParseResult r = sockscope::parseDynamicContent(content, escapes);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(describe(r.tokens), expected);
}

void tst_DynamicFields::errors_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("escapes");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("unknown-name") << QStringLiteral("ab{{foo}}") << false << qsizetype(4)
                                  << qsizetype(3);
    QTest::newRow("unknown-name-spaces")
        << QStringLiteral("{{  bar }}") << false << qsizetype(4) << qsizetype(3);
    QTest::newRow("unclosed") << QStringLiteral("ab{{counter") << false << qsizetype(2)
                              << qsizetype(9);
    QTest::newRow("unclosed-single-brace")
        << QStringLiteral("{{counter}") << false << qsizetype(0) << qsizetype(10);
    QTest::newRow("junk-after-name")
        << QStringLiteral("{{counter x}}") << false << qsizetype(10) << qsizetype(1);
    QTest::newRow("unknown-option")
        << QStringLiteral("{{counter:bogus}}") << false << qsizetype(10) << qsizetype(5);
    QTest::newRow("second-option-bad")
        << QStringLiteral("{{counter:u8, nope=1}}") << false << qsizetype(14) << qsizetype(6);
    QTest::newRow("empty-option") << QStringLiteral("{{counter:u8,}}") << false << qsizetype(13)
                                  << qsizetype(1);
    QTest::newRow("start-not-number")
        << QStringLiteral("{{counter:start=x}}") << false << qsizetype(10) << qsizetype(7);
    QTest::newRow("two-formats") << QStringLiteral("{{counter:u8,hex}}") << false << qsizetype(13)
                                 << qsizetype(3);
    QTest::newRow("width-on-binary")
        << QStringLiteral("{{counter:u16be,width=4}}") << false << qsizetype(16) << qsizetype(7);
    QTest::newRow("width-zero") << QStringLiteral("{{counter:width=0}}") << false << qsizetype(10)
                                << qsizetype(7);
    QTest::newRow("width-too-big")
        << QStringLiteral("{{len:width=65}}") << false << qsizetype(6) << qsizetype(8);
    QTest::newRow("len-step") << QStringLiteral("{{len:step=1}}") << false << qsizetype(6)
                              << qsizetype(6);
    QTest::newRow("len-adjust-empty")
        << QStringLiteral("{{len:adjust=}}") << false << qsizetype(6) << qsizetype(7);
    QTest::newRow("counter-after")
        << QStringLiteral("{{counter:after}}") << false << qsizetype(10) << qsizetype(5);
    QTest::newRow("random-zero") << QStringLiteral("{{random:0}}") << false << qsizetype(9)
                                 << qsizetype(1);
    QTest::newRow("random-too-many")
        << QStringLiteral("{{random:65537}}") << false << qsizetype(9) << qsizetype(5);
    QTest::newRow("random-not-number")
        << QStringLiteral("{{random:four}}") << false << qsizetype(9) << qsizetype(4);
    QTest::newRow("time-u16") << QStringLiteral("{{time:u16be}}") << false << qsizetype(7)
                              << qsizetype(5);
    QTest::newRow("time-iso-with-format")
        << QStringLiteral("{{time:iso,hex}}") << false << qsizetype(7) << qsizetype(3);
    QTest::newRow("time-two-styles")
        << QStringLiteral("{{time:unix,unixms}}") << false << qsizetype(12) << qsizetype(6);
    QTest::newRow("time-unknown-keyword")
        << QStringLiteral("{{time:unix,seconds}}") << false << qsizetype(12) << qsizetype(7);
    QTest::newRow("backslash-before-field")
        << QStringLiteral("a\\{{counter}}") << true << qsizetype(1) << qsizetype(1);
    QTest::newRow("backslash-before-literal-braces")
        << QStringLiteral("\\\\\\{{{{") << true << qsizetype(2) << qsizetype(1);
    QTest::newRow("first-error-wins")
        << QStringLiteral("{{nope}} {{counter") << false << qsizetype(2) << qsizetype(4);
}

void tst_DynamicFields::errors()
{
    QFETCH(QString, content);
    QFETCH(bool, escapes);
    QFETCH(qsizetype, position);
    QFETCH(qsizetype, length);

    const DynamicParseResult r = sockscope::parseDynamicContent(content, escapes);
    QVERIFY(!r.ok());
    QVERIFY(r.tokens.isEmpty());
    QVERIFY(!r.errorString.isEmpty());
    QCOMPARE(r.errorPosition, position);
    QCOMPARE(r.errorLength, length);
}

void tst_DynamicFields::fieldOptions_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<FieldKind>("kind");
    QTest::addColumn<FieldFormat>("format");
    QTest::addColumn<int>("byteWidth");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<int>("padWidth");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<qint64>("adjust");
    QTest::addColumn<bool>("after");
    QTest::addColumn<int>("randomCount");

    const auto BE = ByteOrder::BigEndian;
    const auto LE = ByteOrder::LittleEndian;
    const auto Dec = FieldFormat::Decimal;
    const auto Hex = FieldFormat::HexText;
    const auto Bin = FieldFormat::Binary;

    QTest::newRow("counter-defaults")
        << QStringLiteral("{{counter}}") << FieldKind::Counter << Dec << 0 << BE << 0 << qint64(1)
        << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-start-width")
        << QStringLiteral("{{counter:start=0,width=4}}") << FieldKind::Counter << Dec << 0 << BE
        << 4 << qint64(0) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-negative-step")
        << QStringLiteral("{{counter: step=-2 , start=+10}}") << FieldKind::Counter << Dec << 0
        << BE << 0 << qint64(10) << qint64(-2) << qint64(0) << false << 1;
    QTest::newRow("counter-u16be")
        << QStringLiteral("{{counter:u16be}}") << FieldKind::Counter << Bin << 2 << BE << 0
        << qint64(1) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-u16-is-be")
        << QStringLiteral("{{counter:U16}}") << FieldKind::Counter << Bin << 2 << BE << 0
        << qint64(1) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-u32le")
        << QStringLiteral("{{counter:u32le,start=7}}") << FieldKind::Counter << Bin << 4 << LE << 0
        << qint64(7) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-u64le")
        << QStringLiteral("{{counter:u64le}}") << FieldKind::Counter << Bin << 8 << LE << 0
        << qint64(1) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("counter-u8") << QStringLiteral("{{counter:u8}}") << FieldKind::Counter << Bin
                                << 1 << BE << 0 << qint64(1) << qint64(1) << qint64(0) << false
                                << 1;
    QTest::newRow("counter-hex") << QStringLiteral("{{counter:hex,width=2}}") << FieldKind::Counter
                                 << Hex << 0 << BE << 2 << qint64(1) << qint64(1) << qint64(0)
                                 << false << 1;
    QTest::newRow("len-defaults") << QStringLiteral("{{len}}") << FieldKind::Length << Dec << 0
                                  << BE << 0 << qint64(1) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("len-u16le-after-adjust")
        << QStringLiteral("{{len:u16le,after,adjust=-2}}") << FieldKind::Length << Bin << 2 << LE
        << 0 << qint64(1) << qint64(1) << qint64(-2) << true << 1;
    QTest::newRow("random-default") << QStringLiteral("{{random}}") << FieldKind::Random << Bin << 0
                                    << BE << 0 << qint64(1) << qint64(1) << qint64(0) << false << 1;
    QTest::newRow("random-16") << QStringLiteral("{{random:16}}") << FieldKind::Random << Bin << 0
                               << BE << 0 << qint64(1) << qint64(1) << qint64(0) << false << 16;
}

void tst_DynamicFields::fieldOptions()
{
    QFETCH(QString, content);
    QFETCH(FieldKind, kind);
    QFETCH(FieldFormat, format);
    QFETCH(int, byteWidth);
    QFETCH(ByteOrder, order);
    QFETCH(int, padWidth);
    QFETCH(qint64, start);
    QFETCH(qint64, step);
    QFETCH(qint64, adjust);
    QFETCH(bool, after);
    QFETCH(int, randomCount);

    const DynamicParseResult r = sockscope::parseDynamicContent(content);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.tokens.size(), 1);
    const DynamicField f = r.tokens.first().field;
    QCOMPARE(f.kind, kind);
    QCOMPARE(f.position, 0);
    QCOMPARE(f.length, content.size());
    QCOMPARE(f.format, format);
    if (format == FieldFormat::Binary && kind != FieldKind::Random) {
        QCOMPARE(f.byteWidth, byteWidth);
        QCOMPARE(f.byteOrder, order);
    }
    QCOMPARE(f.padWidth, padWidth);
    QCOMPARE(f.start, start);
    QCOMPARE(f.step, step);
    QCOMPARE(f.adjust, adjust);
    QCOMPARE(f.afterField, after);
    QCOMPARE(f.randomCount, randomCount);
    QCOMPARE(f.producesText(), format != FieldFormat::Binary);
}

void tst_DynamicFields::timeOptions_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<TimeStyle>("style");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<FieldFormat>("format");
    QTest::addColumn<int>("byteWidth");

    QTest::newRow("default") << QStringLiteral("{{time}}") << TimeStyle::Pattern
                             << QStringLiteral("HH:mm:ss.zzz") << FieldFormat::Decimal << 0;
    QTest::newRow("empty-arg") << QStringLiteral("{{time:}}") << TimeStyle::Pattern
                               << QStringLiteral("HH:mm:ss.zzz") << FieldFormat::Decimal << 0;
    QTest::newRow("pattern") << QStringLiteral("{{time:yyyy-MM-dd HH:mm}}") << TimeStyle::Pattern
                             << QStringLiteral("yyyy-MM-dd HH:mm") << FieldFormat::Decimal << 0;
    QTest::newRow("pattern-with-comma")
        << QStringLiteral("{{time:ddd, d MMM}}") << TimeStyle::Pattern
        << QStringLiteral("ddd, d MMM") << FieldFormat::Decimal << 0;
    QTest::newRow("unix") << QStringLiteral("{{time:unix}}") << TimeStyle::Unix << QString()
                          << FieldFormat::Decimal << 0;
    QTest::newRow("unixms-hex") << QStringLiteral("{{time:unixms,hex}}") << TimeStyle::UnixMs
                                << QString() << FieldFormat::HexText << 0;
    QTest::newRow("iso") << QStringLiteral("{{time:ISO}}") << TimeStyle::Iso << QString()
                         << FieldFormat::Decimal << 0;
    QTest::newRow("bare-u32-is-seconds") << QStringLiteral("{{time:u32be}}") << TimeStyle::Unix
                                         << QString() << FieldFormat::Binary << 4;
    QTest::newRow("bare-u64-is-ms") << QStringLiteral("{{time:u64le}}") << TimeStyle::UnixMs
                                    << QString() << FieldFormat::Binary << 8;
    QTest::newRow("unix-u64") << QStringLiteral("{{time:unix,u64be}}") << TimeStyle::Unix
                              << QString() << FieldFormat::Binary << 8;
}

void tst_DynamicFields::timeOptions()
{
    QFETCH(QString, content);
    QFETCH(TimeStyle, style);
    QFETCH(QString, pattern);
    QFETCH(FieldFormat, format);
    QFETCH(int, byteWidth);

    const DynamicParseResult r = sockscope::parseDynamicContent(content);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.tokens.size(), 1);
    const DynamicField f = r.tokens.first().field;
    QCOMPARE(f.kind, FieldKind::Time);
    QCOMPARE(f.timeStyle, style);
    if (style == TimeStyle::Pattern)
        QCOMPARE(f.timePattern, pattern);
    QCOMPARE(f.format, format);
    QCOMPARE(f.byteWidth, byteWidth);
}

void tst_DynamicFields::escapeLiteralBraces_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("escaped");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no-braces") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("one") << QStringLiteral("{") << QStringLiteral("{");
    QTest::newRow("two") << QStringLiteral("{{") << QStringLiteral("{{{{");
    QTest::newRow("three") << QStringLiteral("{{{") << QStringLiteral("{{{{{");
    QTest::newRow("four") << QStringLiteral("{{{{") << QStringLiteral("{{{{{{{{");
    QTest::newRow("field-like") << QStringLiteral("{{counter}}") << QStringLiteral("{{{{counter}}");
    QTest::newRow("closing-untouched") << QStringLiteral("}}") << QStringLiteral("}}");
}

void tst_DynamicFields::escapeLiteralBraces()
{
    QFETCH(QString, literal);
    QFETCH(QString, escaped);

    QCOMPARE(sockscope::escapeLiteralBraces(literal), escaped);

    // Whatever follows (nothing, a letter, a field), the literal comes back unchanged.
    const QString tails[] = {QString(), QStringLiteral("x"), QStringLiteral("{{counter}}")};
    for (const QString &tail : tails) {
        const DynamicParseResult r = sockscope::parseDynamicContent(escaped + tail);
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QString text;
        bool sawField = false;
        for (const ContentToken &t : r.tokens) {
            if (t.kind == ContentToken::Kind::Field)
                sawField = true;
            else
                text += t.text;
        }
        QCOMPARE(sawField, tail.startsWith(u'{'));
        QCOMPARE(text, tail.startsWith(u'{') ? literal : literal + tail);
    }
}

void tst_DynamicFields::escapeLiteralBracesRandom()
{
    // Strings over a small alphabet full of braces and name letters hit every
    // combination of brace runs, names and closers.
    QRandomGenerator rng(20240611);
    const QString alphabet = QStringLiteral("{{{}} ctr:");
    for (int round = 0; round < 2000; ++round) {
        QString literal;
        const int length = rng.bounded(12);
        for (int i = 0; i < length; ++i)
            literal += alphabet[rng.bounded(alphabet.size())];
        const bool withField = rng.bounded(2) == 1;
        const QString content = sockscope::escapeLiteralBraces(literal) +
                                (withField ? QStringLiteral("{{counter:u8}}") : QString());
        const DynamicParseResult r = sockscope::parseDynamicContent(content);
        QVERIFY2(r.ok(), qPrintable(content + QStringLiteral(": ") + r.errorString));
        QString text;
        int fields = 0;
        for (const ContentToken &t : r.tokens) {
            if (t.kind == ContentToken::Kind::Field)
                ++fields;
            else
                text += t.text;
        }
        QCOMPARE(text, literal);
        QCOMPARE(fields, withField ? 1 : 0);
    }
}

void tst_DynamicFields::integerText_data()
{
    QTest::addColumn<FieldFormat>("format");
    QTest::addColumn<int>("padWidth");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << FieldFormat::Decimal << 0 << qint64(0) << QStringLiteral("0");
    QTest::newRow("dec") << FieldFormat::Decimal << 0 << qint64(1234) << QStringLiteral("1234");
    QTest::newRow("dec-pad") << FieldFormat::Decimal << 4 << qint64(7) << QStringLiteral("0007");
    QTest::newRow("dec-pad-shorter")
        << FieldFormat::Decimal << 2 << qint64(12345) << QStringLiteral("12345");
    QTest::newRow("dec-negative-pad")
        << FieldFormat::Decimal << 3 << qint64(-5) << QStringLiteral("-005");
    QTest::newRow("dec-min") << FieldFormat::Decimal << 0 << std::numeric_limits<qint64>::min()
                             << QStringLiteral("-9223372036854775808");
    QTest::newRow("hex-upper") << FieldFormat::HexText << 0 << qint64(0xabc)
                               << QStringLiteral("ABC");
    QTest::newRow("hex-pad") << FieldFormat::HexText << 4 << qint64(0x1f) << QStringLiteral("001F");
}

void tst_DynamicFields::integerText()
{
    QFETCH(FieldFormat, format);
    QFETCH(int, padWidth);
    QFETCH(qint64, value);
    QFETCH(QString, expected);

    DynamicField f;
    f.format = format;
    f.padWidth = padWidth;
    QCOMPARE(sockscope::formatIntegerText(f, value), expected);
}

void tst_DynamicFields::integerBinary_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<ByteOrder>("order");
    QTest::addColumn<quint64>("value");
    QTest::addColumn<QByteArray>("expected");

    const auto BE = ByteOrder::BigEndian;
    const auto LE = ByteOrder::LittleEndian;
    QTest::newRow("u8") << 1 << BE << quint64(0x7f) << QByteArray::fromHex("7f");
    QTest::newRow("u8-wraps") << 1 << BE << quint64(0x1ff) << QByteArray::fromHex("ff");
    QTest::newRow("u16be") << 2 << BE << quint64(0x1234) << QByteArray::fromHex("1234");
    QTest::newRow("u16le") << 2 << LE << quint64(0x1234) << QByteArray::fromHex("3412");
    QTest::newRow("u32be") << 4 << BE << quint64(0x01020304) << QByteArray::fromHex("01020304");
    QTest::newRow("u32le") << 4 << LE << quint64(0x01020304) << QByteArray::fromHex("04030201");
    QTest::newRow("u64be") << 8 << BE << quint64(0x0102030405060708ULL)
                           << QByteArray::fromHex("0102030405060708");
    QTest::newRow("u64le-minus-one")
        << 8 << LE << quint64(-1) << QByteArray::fromHex("ffffffffffffffff");
}

void tst_DynamicFields::integerBinary()
{
    QFETCH(int, width);
    QFETCH(ByteOrder, order);
    QFETCH(quint64, value);
    QFETCH(QByteArray, expected);

    QCOMPARE(sockscope::formatIntegerBinary(binary(width, order), value), expected);
}

void tst_DynamicFields::integerFits_data()
{
    QTest::addColumn<int>("width"); // 0: decimal text
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("fits");

    QTest::newRow("negative-text") << 0 << qint64(-1) << false;
    QTest::newRow("big-text") << 0 << std::numeric_limits<qint64>::max() << true;
    QTest::newRow("u8-max") << 1 << qint64(255) << true;
    QTest::newRow("u8-over") << 1 << qint64(256) << false;
    QTest::newRow("u16-max") << 2 << qint64(65535) << true;
    QTest::newRow("u16-over") << 2 << qint64(65536) << false;
    QTest::newRow("u32-over") << 4 << (qint64(1) << 32) << false;
    QTest::newRow("u64") << 8 << std::numeric_limits<qint64>::max() << true;
    QTest::newRow("u64-negative") << 8 << qint64(-1) << false;
}

void tst_DynamicFields::integerFits()
{
    QFETCH(int, width);
    QFETCH(qint64, value);
    QFETCH(bool, fits);

    DynamicField f = width ? binary(width, ByteOrder::BigEndian) : DynamicField{};
    QCOMPARE(sockscope::integerFits(f, value), fits);
}

void tst_DynamicFields::contextSequence()
{
    DynamicContext ctx;
    QCOMPARE(ctx.sequence(), quint64(0));
    ctx.advance();
    ctx.advance();
    QCOMPARE(ctx.sequence(), quint64(2));
    ctx.reset();
    QCOMPARE(ctx.sequence(), quint64(0));
    ctx.setSequence(41);
    ctx.advance();
    QCOMPARE(ctx.sequence(), quint64(42));
}

void tst_DynamicFields::contextClockAndRandom()
{
    DynamicContext ctx;
    const QDateTime before = QDateTime::currentDateTime();
    const QDateTime now = ctx.now();
    QVERIFY(now >= before);
    QVERIFY(now <= QDateTime::currentDateTime());

    const QDateTime fixed(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    ctx.setClock([fixed] { return fixed; });
    QCOMPARE(ctx.now(), fixed);

    DynamicContext a;
    DynamicContext b;
    a.seedRandom(7);
    b.seedRandom(7);
    QCOMPARE(a.random().generate(), b.random().generate());
    QCOMPARE(a.random().generate64(), b.random().generate64());

    // Two fresh contexts are seeded differently (two senders do not send the same "random" bytes).
    DynamicContext c;
    DynamicContext d;
    QVERIFY(c.random().generate64() != d.random().generate64());

    // Parsing works the same on a context-free field.
    QCOMPARE(onlyField(QStringLiteral("{{random:3}}")).randomCount, 3);
}

QTEST_APPLESS_MAIN(tst_DynamicFields)
#include "tst_dynamicfields.moc"
