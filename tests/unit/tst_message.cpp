#include "core/codec/checksum.h"
#include "core/codec/hex.h"
#include "core/codec/textcodec.h"
#include "core/message/dynamicfields.h"
#include "core/message/message.h"

#include <QRandomGenerator>
#include <QTest>

using sockscope::ByteOrder;
using sockscope::ChecksumKind;
using sockscope::ContentConversion;
using sockscope::DynamicContext;
using sockscope::Encoding;
using sockscope::LineEnding;
using sockscope::MessageBuildResult;
using sockscope::MessageError;
using sockscope::MessageFormat;
using sockscope::MessageSpec;

namespace {

MessageSpec textSpec(const QString &content, Encoding encoding = Encoding::Utf8,
                     bool escapes = false, bool fields = false)
{
    MessageSpec s;
    s.format = MessageFormat::Text;
    s.content = content;
    s.encoding = encoding;
    s.escapes = escapes;
    s.dynamicFields = fields;
    return s;
}

MessageSpec hexSpec(const QString &content, bool fields = false)
{
    MessageSpec s;
    s.format = MessageFormat::Hex;
    s.content = content;
    s.dynamicFields = fields;
    return s;
}

MessageSpec withEnding(MessageSpec s, LineEnding ending)
{
    s.lineEnding = ending;
    return s;
}

MessageSpec withChecksum(MessageSpec s, ChecksumKind kind, ByteOrder order)
{
    s.checksum = kind;
    s.checksumOrder = order;
    return s;
}

QByteArray hex(const char *digits)
{
    return QByteArray::fromHex(digits);
}

QByteArray withCrc(const QByteArray &frame, ChecksumKind kind, ByteOrder order)
{
    return frame + sockscope::checksumBytes(kind, frame, order);
}

// A fixed "now" for {{time}}: 2024-01-02 03:04:05.678 UTC = 1704164645.678 s since the epoch.
const QDateTime kFixedTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);

const char *const kEncodingNames[] = {"utf8", "gbk", "latin1"};
const Encoding kEncodings[] = {Encoding::Utf8, Encoding::Gbk, Encoding::Latin1};

// Random bytes that are partly text in the encoding (so that the decoder sees
// valid characters, control characters, braces and backslashes, not just noise).
QByteArray mixedBytes(QRandomGenerator &rng, Encoding encoding)
{
    static const QString pieces[] = {
        QStringLiteral("你好"), QStringLiteral("中文"),        QStringLiteral("abc"),
        QStringLiteral("é"),    QStringLiteral("\\"),          QStringLiteral("{{"),
        QStringLiteral("{"),    QStringLiteral("}}"),          QStringLiteral("\r\n"),
        QStringLiteral("\t"),   QStringLiteral("{{counter}}"),
    };
    QByteArray out;
    const int parts = rng.bounded(1, 8);
    for (int p = 0; p < parts; ++p) {
        if (rng.bounded(2)) {
            const int n = rng.bounded(1, 6);
            for (int i = 0; i < n; ++i)
                out.append(char(rng.bounded(256)));
        } else {
            const QString &piece = pieces[rng.bounded(int(std::size(pieces)))];
            const sockscope::EncodeResult r = sockscope::encodeText(piece, encoding);
            out.append(r.ok() ? r.bytes : QByteArray("x"));
        }
    }
    return out;
}

} // namespace

class tst_Message : public QObject
{
    Q_OBJECT

private slots:
    void emptyRefused_data();
    void emptyRefused();
    void errors_data();
    void errors();
    void buildText_data();
    void buildText();
    void buildHex_data();
    void buildHex();
    void checksums_data();
    void checksums();
    void fieldsOffAreLiteral();
    void counterSequence_data();
    void counterSequence();
    void counterState();
    void length_data();
    void length();
    void random_data();
    void random();
    void randomState();
    void time_data();
    void time();
    void previewVaries();
    void lineEndingNames_data();
    void lineEndingNames();
    void textToHex_data();
    void textToHex();
    void hexToText_data();
    void hexToText();
    void conversionErrors_data();
    void conversionErrors();
    void conversionRoundTrip_data();
    void conversionRoundTrip();
};

void tst_Message::emptyRefused_data()
{
    QTest::addColumn<MessageSpec>("spec");

    QTest::newRow("text") << textSpec(QString());
    QTest::newRow("text-escapes") << textSpec(QString(), Encoding::Gbk, true);
    QTest::newRow("text-with-crlf-and-crc")
        << withChecksum(withEnding(textSpec(QString()), LineEnding::CRLF), ChecksumKind::Crc32,
                        ByteOrder::BigEndian);
    QTest::newRow("hex") << hexSpec(QString());
    QTest::newRow("hex-separators-only") << hexSpec(QStringLiteral(" , ;\n"));
    QTest::newRow("hex-separators-with-crlf")
        << withEnding(hexSpec(QStringLiteral("  ")), LineEnding::CRLF);
    QTest::newRow("fields") << textSpec(QString(), Encoding::Utf8, false, true);
    QTest::newRow("hex-fields-separators") << hexSpec(QStringLiteral(" "), true);
}

void tst_Message::emptyRefused()
{
    QFETCH(MessageSpec, spec);

    DynamicContext ctx;
    const MessageBuildResult r = sockscope::build(spec, &ctx);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, MessageError::Empty);
    QCOMPARE(r.errorPosition, 0);
    QCOMPARE(r.errorLength, 0);
    QVERIFY(!r.errorString.isEmpty());
    QVERIFY(r.bytes.isEmpty());
    QCOMPARE(ctx.sequence(), quint64(0));

    const MessageBuildResult p = sockscope::preview(spec, &ctx);
    QCOMPARE(p.error, MessageError::Empty);
    QCOMPARE(p.size(), 0);
}

void tst_Message::errors_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<MessageError>("error");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QString>("mentions"); // the reason names the culprit

    const auto Gbk = Encoding::Gbk;
    const auto Latin1 = Encoding::Latin1;
    const auto Utf8 = Encoding::Utf8;

    QTest::newRow("hex-bad-digit") << hexSpec(QStringLiteral("48 6G")) << MessageError::InvalidHex
                                   << qsizetype(4) << qsizetype(1) << QStringLiteral("'G'");
    QTest::newRow("hex-odd") << hexSpec(QStringLiteral("48 6")) << MessageError::InvalidHex
                             << qsizetype(3) << qsizetype(1) << QStringLiteral("odd");
    QTest::newRow("hex-text") << hexSpec(QStringLiteral("hello")) << MessageError::InvalidHex
                              << qsizetype(0) << qsizetype(1) << QStringLiteral("'h'");
    QTest::newRow("hex-bad-prefix") << hexSpec(QStringLiteral("01 0x")) << MessageError::InvalidHex
                                    << qsizetype(3) << qsizetype(1) << QStringLiteral("0x");
    QTest::newRow("escape-unknown")
        << textSpec(QStringLiteral("ab\\q"), Utf8, true) << MessageError::InvalidEscape
        << qsizetype(2) << qsizetype(2) << QStringLiteral("\\q");
    QTest::newRow("escape-short-x")
        << textSpec(QStringLiteral("ab\\x4"), Utf8, true) << MessageError::InvalidEscape
        << qsizetype(2) << qsizetype(3) << QStringLiteral("\\x");
    QTest::newRow("escape-lone-backslash")
        << textSpec(QStringLiteral("ab\\"), Gbk, true) << MessageError::InvalidEscape
        << qsizetype(2) << qsizetype(1) << QStringLiteral("backslash");
    QTest::newRow("unencodable-gbk-emoji")
        << textSpec(QStringLiteral("ab😀"), Gbk) << MessageError::Unencodable << qsizetype(2)
        << qsizetype(2) << QStringLiteral("U+1F600");
    QTest::newRow("unencodable-gbk-emoji-after-chinese")
        << textSpec(QStringLiteral("价格😀"), Gbk) << MessageError::Unencodable << qsizetype(2)
        << qsizetype(2) << QStringLiteral("GBK");
    QTest::newRow("unencodable-latin1-euro")
        << textSpec(QStringLiteral("5€"), Latin1) << MessageError::Unencodable << qsizetype(1)
        << qsizetype(1) << QStringLiteral("U+20AC");
    QTest::newRow("unencodable-latin1-chinese")
        << textSpec(QStringLiteral("a中"), Latin1) << MessageError::Unencodable << qsizetype(1)
        << qsizetype(1) << QStringLiteral("Latin-1");
    QTest::newRow("unencodable-after-escapes")
        << textSpec(QStringLiteral("\\x41\\n中"), Latin1, true) << MessageError::Unencodable
        << qsizetype(6) << qsizetype(1) << QStringLiteral("中");
    QTest::newRow("unencodable-written-as-escape")
        << textSpec(QStringLiteral("ab\\u20AC"), Latin1, true) << MessageError::Unencodable
        << qsizetype(2) << qsizetype(6) << QStringLiteral("U+20AC");
    QTest::newRow("unencodable-escaped-pair")
        << textSpec(QStringLiteral("a\\uD83D\\uDE00"), Gbk, true) << MessageError::Unencodable
        << qsizetype(1) << qsizetype(12) << QStringLiteral("U+1F600");
    QTest::newRow("unencodable-after-field")
        << textSpec(QStringLiteral("{{counter}}中"), Latin1, false, true)
        << MessageError::Unencodable << qsizetype(11) << qsizetype(1) << QStringLiteral("中");
    QTest::newRow("unencodable-in-time-pattern")
        << textSpec(QStringLiteral("{{time:'中'}}"), Latin1, false, true)
        << MessageError::Unencodable << qsizetype(0) << qsizetype(12) << QStringLiteral("中");
    QTest::newRow("field-unknown")
        << textSpec(QStringLiteral("x{{nope}}"), Utf8, false, true) << MessageError::InvalidField
        << qsizetype(3) << qsizetype(4) << QStringLiteral("nope");
    QTest::newRow("field-unclosed")
        << textSpec(QStringLiteral("x{{counter"), Utf8, false, true) << MessageError::InvalidField
        << qsizetype(1) << qsizetype(9) << QStringLiteral("}}");
    QTest::newRow("field-backslash") << textSpec(QStringLiteral("a\\{{counter}}"), Utf8, true, true)
                                     << MessageError::InvalidField << qsizetype(1) << qsizetype(1)
                                     << QStringLiteral("backslash");
    QTest::newRow("field-unknown-in-hex")
        << hexSpec(QStringLiteral("01 {{nope}}"), true) << MessageError::InvalidField
        << qsizetype(5) << qsizetype(4) << QStringLiteral("nope");
    QTest::newRow("hex-after-field")
        << hexSpec(QStringLiteral("01 {{counter:u8}} 0G"), true) << MessageError::InvalidHex
        << qsizetype(19) << qsizetype(1) << QStringLiteral("'G'");
    QTest::newRow("hex-split-by-field")
        << hexSpec(QStringLiteral("4{{counter:u8}}1"), true) << MessageError::InvalidHex
        << qsizetype(0) << qsizetype(1) << QStringLiteral("odd");
    QTest::newRow("literal-braces-in-hex")
        << hexSpec(QStringLiteral("01 {{{{"), true) << MessageError::InvalidHex << qsizetype(3)
        << qsizetype(1) << QStringLiteral("'{'");
    QTest::newRow("len-too-big-for-u8")
        << hexSpec(QStringLiteral("{{len:u8}} ") + QStringLiteral("00").repeated(300), true)
        << MessageError::InvalidField << qsizetype(0) << qsizetype(10) << QStringLiteral("fit");
    QTest::newRow("len-negative") << textSpec(QStringLiteral("ab{{len:adjust=-10}}"), Utf8, false,
                                              true)
                                  << MessageError::InvalidField << qsizetype(2) << qsizetype(18)
                                  << QStringLiteral("negative");
}

void tst_Message::errors()
{
    QFETCH(MessageSpec, spec);
    QFETCH(MessageError, error);
    QFETCH(qsizetype, position);
    QFETCH(qsizetype, length);
    QFETCH(QString, mentions);

    // Line ending and checksum never rescue a broken message.
    const MessageSpec variants[] = {spec, withChecksum(withEnding(spec, LineEnding::CRLF),
                                                       ChecksumKind::Crc16Modbus,
                                                       ByteOrder::LittleEndian)};
    for (const MessageSpec &s : variants) {
        DynamicContext ctx;
        const MessageBuildResult r = sockscope::build(s, &ctx);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, error);
        QCOMPARE(r.errorPosition, position);
        QCOMPARE(r.errorLength, length);
        QVERIFY2(r.errorString.contains(mentions), qPrintable(r.errorString));
        QVERIFY(r.bytes.isEmpty());
        QCOMPARE(ctx.sequence(), quint64(0));

        const MessageBuildResult p = sockscope::preview(s, &ctx);
        QCOMPARE(p.error, error);
        QCOMPARE(p.errorPosition, position);
    }
}

void tst_Message::buildText_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    const auto Gbk = Encoding::Gbk;
    const auto Latin1 = Encoding::Latin1;
    const auto Utf8 = Encoding::Utf8;

    QTest::newRow("one-space") << textSpec(QStringLiteral(" ")) << QByteArray(" ");
    QTest::newRow("ascii") << textSpec(QStringLiteral("hello")) << QByteArray("hello");
    QTest::newRow("utf8-chinese") << textSpec(QStringLiteral("你好")) << hex("e4bda0e5a5bd");
    QTest::newRow("gbk-chinese") << textSpec(QStringLiteral("你好"), Gbk) << hex("c4e3bac3");
    QTest::newRow("latin1") << textSpec(QStringLiteral("é"), Latin1) << hex("e9");
    QTest::newRow("escapes-on") << textSpec(QStringLiteral("a\\r\\n\\t\\0"), Utf8, true)
                                << hex("610d0a0900");
    QTest::newRow("escapes-off-literal")
        << textSpec(QStringLiteral("a\\r\\n")) << QByteArray("a\\r\\n");
    QTest::newRow("escapes-off-gbk-backslash-x")
        << textSpec(QStringLiteral("\\xFF"), Gbk) << QByteArray("\\xFF");
    QTest::newRow("escaped-backslash")
        << textSpec(QStringLiteral("a\\\\b"), Utf8, true) << QByteArray("a\\b");
    QTest::newRow("gbk-raw-byte-between-chinese")
        << textSpec(QStringLiteral("中\\xFF文"), Gbk, true) << hex("d6d0ffcec4");
    QTest::newRow("gbk-raw-bytes-form-a-char")
        << textSpec(QStringLiteral("\\xD6\\xD0"), Gbk, true) << hex("d6d0");
    QTest::newRow("gbk-unicode-escape")
        << textSpec(QStringLiteral("\\u4E2D"), Gbk, true) << hex("d6d0");
    QTest::newRow("utf8-raw-byte-is-not-a-char")
        << textSpec(QStringLiteral("\\xFF"), Utf8, true) << hex("ff");
    QTest::newRow("utf8-surrogate-pair-escape")
        << textSpec(QStringLiteral("\\uD83D\\uDE00"), Utf8, true) << hex("f09f9880");
    QTest::newRow("latin1-raw-byte")
        << textSpec(QStringLiteral("\\xE9é"), Latin1, true) << hex("e9e9");
    QTest::newRow("lf") << withEnding(textSpec(QStringLiteral("a")), LineEnding::LF) << hex("610a");
    QTest::newRow("crlf") << withEnding(textSpec(QStringLiteral("a")), LineEnding::CRLF)
                          << hex("610d0a");
    QTest::newRow("cr") << withEnding(textSpec(QStringLiteral("a")), LineEnding::CR) << hex("610d");
    QTest::newRow("gbk-crlf") << withEnding(textSpec(QStringLiteral("你"), Gbk), LineEnding::CRLF)
                              << hex("c4e30d0a");
    QTest::newRow("escapes-and-crlf")
        << withEnding(textSpec(QStringLiteral("a\\n"), Utf8, true), LineEnding::CRLF)
        << hex("610a0d0a");
    QTest::newRow("braces-fields-off")
        << textSpec(QStringLiteral("{{counter}}")) << QByteArray("{{counter}}");
}

void tst_Message::buildText()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArray, expected);

    const MessageBuildResult r = sockscope::build(spec);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.bytes.toHex(' '), expected.toHex(' '));
    QCOMPARE(r.size(), expected.size());
    QCOMPARE(r.errorPosition, -1);

    const MessageBuildResult p = sockscope::preview(spec);
    QCOMPARE(p.bytes, expected);
    QVERIFY(!p.varies);
}

void tst_Message::buildHex_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("one-byte") << hexSpec(QStringLiteral("00")) << hex("00");
    QTest::newRow("spaced") << hexSpec(QStringLiteral("48 65 6C")) << hex("48656c");
    QTest::newRow("packed-lower") << hexSpec(QStringLiteral("48656c")) << hex("48656c");
    QTest::newRow("prefixed") << hexSpec(QStringLiteral("0x48,0x65")) << hex("4865");
    QTest::newRow("backslash-x") << hexSpec(QStringLiteral("\\x48\\x65")) << hex("4865");
    QTest::newRow("escapes-flag-ignored") << [] {
        MessageSpec s = hexSpec(QStringLiteral("5C 6E"));
        s.escapes = true;
        return s;
    }() << hex("5c6e");
    QTest::newRow("crlf-appended-in-hex-too")
        << withEnding(hexSpec(QStringLiteral("48")), LineEnding::CRLF) << hex("480d0a");
    QTest::newRow("lf-in-hex") << withEnding(hexSpec(QStringLiteral("48")), LineEnding::LF)
                               << hex("480a");
}

void tst_Message::buildHex()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArray, expected);

    const MessageBuildResult r = sockscope::build(spec);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.bytes.toHex(' '), expected.toHex(' '));
}

void tst_Message::checksums_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray check("123456789");
    for (const ChecksumKind kind : sockscope::checksumKinds()) {
        for (const ByteOrder order : {ByteOrder::BigEndian, ByteOrder::LittleEndian}) {
            const QByteArray name = sockscope::checksumId(kind).toLatin1() +
                                    (order == ByteOrder::BigEndian ? "-be" : "-le");
            QTest::newRow(name + "-text")
                << withChecksum(textSpec(QString::fromLatin1(check)), kind, order)
                << withCrc(check, kind, order);
            // The line ending comes before the checksum and is covered by it.
            QTest::newRow(name + "-text-crlf")
                << withChecksum(withEnding(textSpec(QString::fromLatin1(check)), LineEnding::CRLF),
                                kind, order)
                << withCrc(check + "\r\n", kind, order);
            QTest::newRow(name + "-gbk")
                << withChecksum(textSpec(QStringLiteral("中文"), Encoding::Gbk), kind, order)
                << withCrc(hex("d6d0cec4"), kind, order);
        }
    }
    // Known values, independent of the checksum code.
    QTest::newRow("modbus-read-holding")
        << withChecksum(hexSpec(QStringLiteral("01 03 00 00 00 0A")), ChecksumKind::Crc16Modbus,
                        ByteOrder::LittleEndian)
        << hex("01030000000ac5cd");
    QTest::newRow("crc32-check") << withChecksum(textSpec(QStringLiteral("123456789")),
                                                 ChecksumKind::Crc32, ByteOrder::BigEndian)
                                 << QByteArray("123456789") + hex("cbf43926");
    QTest::newRow("sum8-check") << withChecksum(textSpec(QStringLiteral("123456789")),
                                                ChecksumKind::Sum8, ByteOrder::BigEndian)
                                << QByteArray("123456789") + hex("dd");
    QTest::newRow("none") << withChecksum(textSpec(QStringLiteral("123456789")), ChecksumKind::None,
                                          ByteOrder::BigEndian)
                          << QByteArray("123456789");
}

void tst_Message::checksums()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArray, expected);

    const MessageBuildResult r = sockscope::build(spec);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.bytes.toHex(' '), expected.toHex(' '));
    QCOMPARE(r.size(), expected.size());
    QVERIFY(sockscope::verifyTrailingChecksum(spec.checksum, spec.checksumOrder, r.bytes));
}

void tst_Message::fieldsOffAreLiteral()
{
    const MessageSpec spec = textSpec(QStringLiteral("{{len}} {{nope}} {{{{"));
    DynamicContext ctx;
    const MessageBuildResult r = sockscope::build(spec, &ctx);
    QVERIFY(r.ok());
    QCOMPARE(r.bytes, QByteArray("{{len}} {{nope}} {{{{"));

    // With escapes, braces can also be written as raw bytes: they never start a field.
    const MessageBuildResult e = sockscope::build(
        textSpec(QStringLiteral("\\x7B\\x7Bcounter}}"), Encoding::Utf8, true, true), &ctx);
    QVERIFY2(e.ok(), qPrintable(e.errorString));
    QCOMPARE(e.bytes, QByteArray("{{counter}}"));

    const MessageBuildResult d = sockscope::build(
        textSpec(QStringLiteral("{{{{counter}} {\"a\":{{\"b\":1}}}"), Encoding::Utf8, false, true),
        &ctx);
    QVERIFY2(d.ok(), qPrintable(d.errorString));
    QCOMPARE(d.bytes, QByteArray("{{counter}} {\"a\":{{\"b\":1}}}"));
    QCOMPARE(ctx.sequence(), quint64(0));
}

void tst_Message::counterSequence_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArrayList>("expected"); // one frame per send, in order

    const auto fields = [](MessageSpec s) {
        s.dynamicFields = true;
        return s;
    };
    QTest::newRow("decimal") << fields(textSpec(QStringLiteral("N={{counter}}")))
                             << QByteArrayList{"N=1", "N=2", "N=3", "N=4"};
    QTest::newRow("start-step-width")
        << fields(textSpec(QStringLiteral("{{counter:start=10,step=5,width=4}}")))
        << QByteArrayList{"0010", "0015", "0020", "0025"};
    QTest::newRow("counting-down")
        << fields(textSpec(QStringLiteral("{{counter:start=1,step=-1}}")))
        << QByteArrayList{"1", "0", "-1", "-2"};
    QTest::newRow("hex-text") << fields(textSpec(QStringLiteral("{{counter:hex,width=2,start=9}}")))
                              << QByteArrayList{"09", "0A", "0B", "0C"};
    QTest::newRow("u16be-in-hex") << hexSpec(QStringLiteral("AA {{counter:u16be}}"), true)
                                  << QByteArrayList{hex("aa0001"), hex("aa0002"), hex("aa0003")};
    QTest::newRow("u16le-in-gbk-text")
        << fields(textSpec(QStringLiteral("中{{counter:u16le}}文"), Encoding::Gbk))
        << QByteArrayList{hex("d6d00100cec4"), hex("d6d00200cec4")};
    QTest::newRow("gbk-doc-example")
        << fields(textSpec(QStringLiteral("温度{{counter:u8}}"), Encoding::Gbk))
        << QByteArrayList{hex("cec2b6c801"), hex("cec2b6c802")};
    QTest::newRow("u8-wraps") << hexSpec(QStringLiteral("{{counter:u8,start=254}}"), true)
                              << QByteArrayList{hex("fe"), hex("ff"), hex("00"), hex("01")};
    QTest::newRow("u32le") << hexSpec(QStringLiteral("{{counter:u32le,start=256}}"), true)
                           << QByteArrayList{hex("00010000"), hex("01010000")};
    QTest::newRow("two-counters-one-step")
        << fields(textSpec(QStringLiteral("{{counter}}-{{counter:start=100}}")))
        << QByteArrayList{"1-100", "2-101", "3-102"};
    QTest::newRow("with-checksum") << withChecksum(hexSpec(QStringLiteral("{{counter:u8}}"), true),
                                                   ChecksumKind::Sum8, ByteOrder::BigEndian)
                                   << QByteArrayList{hex("0101"), hex("0202"), hex("0303")};
    QTest::newRow("with-crlf") << withEnding(fields(textSpec(QStringLiteral("#{{counter}}"))),
                                             LineEnding::CRLF)
                               << QByteArrayList{"#1\r\n", "#2\r\n"};
}

void tst_Message::counterSequence()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArrayList, expected);

    DynamicContext ctx;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const MessageBuildResult p = sockscope::preview(spec, &ctx);
        QVERIFY2(p.ok(), qPrintable(p.errorString));
        QCOMPARE(p.bytes.toHex(' '), expected[i].toHex(' ')); // preview shows what comes next
        const MessageBuildResult r = sockscope::build(spec, &ctx);
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.bytes.toHex(' '), expected[i].toHex(' '));
        QCOMPARE(ctx.sequence(), quint64(i + 1));
    }

    // Without a context every build is the first one.
    QCOMPARE(sockscope::build(spec).bytes, expected.first());
    QCOMPARE(sockscope::build(spec).bytes, expected.first());
}

void tst_Message::counterState()
{
    const MessageSpec counting =
        textSpec(QStringLiteral("{{counter}}"), Encoding::Utf8, false, true);
    DynamicContext ctx;

    // Previews never advance the counter.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(sockscope::preview(counting, &ctx).bytes, QByteArray("1"));
    QCOMPARE(ctx.sequence(), quint64(0));

    QCOMPARE(sockscope::build(counting, &ctx).bytes, QByteArray("1"));

    // A refused message does not count.
    MessageSpec broken = counting;
    broken.content = QStringLiteral("{{counter}}{{nope}}");
    QVERIFY(!sockscope::build(broken, &ctx).ok());
    broken.content = QStringLiteral("{{counter}}\\q");
    broken.escapes = true;
    QCOMPARE(sockscope::build(broken, &ctx).error, MessageError::InvalidEscape);
    QCOMPARE(ctx.sequence(), quint64(1));

    // A message without a counter does not count either.
    QVERIFY(
        sockscope::build(textSpec(QStringLiteral("x"), Encoding::Utf8, false, true), &ctx).ok());
    QCOMPARE(ctx.sequence(), quint64(1));
    // Fields off: "{{counter}}" is text and does not count.
    QVERIFY(sockscope::build(textSpec(QStringLiteral("{{counter}}")), &ctx).ok());
    QCOMPARE(ctx.sequence(), quint64(1));

    QCOMPARE(sockscope::build(counting, &ctx).bytes, QByteArray("2"));

    // Two senders count independently.
    DynamicContext other;
    QCOMPARE(sockscope::build(counting, &other).bytes, QByteArray("1"));
    QCOMPARE(sockscope::build(counting, &ctx).bytes, QByteArray("3"));

    ctx.reset();
    QCOMPARE(sockscope::build(counting, &ctx).bytes, QByteArray("1"));
    ctx.setSequence(99);
    QCOMPARE(sockscope::build(counting, &ctx).bytes, QByteArray("100"));
}

void tst_Message::length_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    const auto text = [](const QString &content, Encoding e = Encoding::Utf8) {
        return textSpec(content, e, false, true);
    };
    const auto crc16 = ChecksumKind::Crc16Modbus;
    const auto LE = ByteOrder::LittleEndian;

    QTest::newRow("only-len") << text(QStringLiteral("{{len}}")) << QByteArray("1");
    QTest::newRow("decimal") << text(QStringLiteral("AB{{len}}")) << QByteArray("AB3");
    QTest::newRow("nine-fits-one-digit")
        << text(QStringLiteral("x").repeated(8) + QStringLiteral("{{len}}"))
        << QByteArray(8, 'x') + "9";
    QTest::newRow("own-digits-count")
        << text(QStringLiteral("x").repeated(9) + QStringLiteral("{{len}}"))
        << QByteArray(9, 'x') + "11";
    QTest::newRow("own-digits-count-hundred")
        << text(QStringLiteral("x").repeated(98) + QStringLiteral("{{len}}"))
        << QByteArray(98, 'x') + "101";
    QTest::newRow("width") << text(QStringLiteral("{{len:width=4}}")) << QByteArray("0004");
    QTest::newRow("hex-text") << text(QStringLiteral("{{len:hex,width=2}}") +
                                      QStringLiteral("x").repeated(14))
                              << QByteArray("10") + QByteArray(14, 'x');
    QTest::newRow("includes-crlf")
        << withEnding(text(QStringLiteral("AB{{len}}")), LineEnding::CRLF) << QByteArray("AB5\r\n");
    QTest::newRow("gbk") << text(QStringLiteral("中{{len}}"), Encoding::Gbk) << hex("d6d033");
    QTest::newRow("u16be-in-hex") << hexSpec(QStringLiteral("7E {{len:u16be}} 01 02"), true)
                                  << hex("7e00050102");
    QTest::newRow("u16le-first") << hexSpec(QStringLiteral("{{len:u16le}} 41 42"), true)
                                 << hex("04004142");
    QTest::newRow("u8-in-text") << text(QStringLiteral("{{len:u8}}hello")) << hex("0668656c6c6f");
    QTest::newRow("includes-checksum")
        << withChecksum(hexSpec(QStringLiteral("7E {{len:u16be}} 01 02"), true), crc16, LE)
        << withCrc(hex("7e00070102"), crc16, LE);
    QTest::newRow("adjust-excludes-checksum")
        << withChecksum(hexSpec(QStringLiteral("7E {{len:u16be,adjust=-2}} 01 02"), true), crc16,
                        LE)
        << withCrc(hex("7e00050102"), crc16, LE);
    QTest::newRow("after") << hexSpec(QStringLiteral("7E {{len:u16be,after}} 01 02 03"), true)
                           << hex("7e0003010203");
    QTest::newRow("after-includes-checksum")
        << withChecksum(hexSpec(QStringLiteral("7E {{len:u8,after}} 01"), true),
                        ChecksumKind::Crc32, ByteOrder::BigEndian)
        << withCrc(hex("7e0501"), ChecksumKind::Crc32, ByteOrder::BigEndian);
    QTest::newRow("modbus-tcp-header")
        << hexSpec(QStringLiteral("00 01 00 00 {{len:u16be,after}} 11 03 00 6B 00 03"), true)
        << hex("0001000000061103006b0003");
    QTest::newRow("two-lens") << text(QStringLiteral("{{len:u8}}{{len}}")) << hex("0232");
    QTest::newRow("two-decimal-lens-grow-together")
        << text(QStringLiteral("{{len}}") + QStringLiteral("x").repeated(8) +
                QStringLiteral("{{len}}"))
        << QByteArray("12") + QByteArray(8, 'x') + "12";
    QTest::newRow("two-decimal-lens-settle-small")
        << text(QStringLiteral("{{len}}") + QStringLiteral("x").repeated(7) +
                QStringLiteral("{{len}}"))
        << QByteArray("9") + QByteArray(7, 'x') + "9";
    QTest::newRow("with-counter") << text(QStringLiteral("{{counter}}:{{len}}"))
                                  << QByteArray("1:3");
    QTest::newRow("u8-max") << hexSpec(QStringLiteral("{{len:u8}} ") +
                                           QStringLiteral("00").repeated(254),
                                       true)
                            << hex("ff") + QByteArray(254, '\0');
}

void tst_Message::length()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArray, expected);

    const MessageBuildResult r = sockscope::build(spec);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.bytes.toHex(' '), expected.toHex(' '));
    QCOMPARE(sockscope::preview(spec).bytes, expected);
}

void tst_Message::random_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<qsizetype>("randomCount");
    QTest::addColumn<QByteArray>("suffix");

    QTest::newRow("default-one-byte") << hexSpec(QStringLiteral("{{random}}"), true) << QByteArray()
                                      << qsizetype(1) << QByteArray();
    QTest::newRow("hex-four") << hexSpec(QStringLiteral("{{random:4}}"), true) << QByteArray()
                              << qsizetype(4) << QByteArray();
    QTest::newRow("hex-between") << hexSpec(QStringLiteral("AA {{random:3}} BB"), true) << hex("aa")
                                 << qsizetype(3) << hex("bb");
    QTest::newRow("text") << textSpec(QStringLiteral("{{random:16}}x"), Encoding::Utf8, false, true)
                          << QByteArray() << qsizetype(16) << QByteArray("x");
    QTest::newRow("gbk-text") << textSpec(QStringLiteral("中{{random:2}}"), Encoding::Gbk, false,
                                          true)
                              << hex("d6d0") << qsizetype(2) << QByteArray();
    QTest::newRow("large") << hexSpec(QStringLiteral("{{random:65536}}"), true) << QByteArray()
                           << qsizetype(65536) << QByteArray();
    QTest::newRow("with-len") << hexSpec(QStringLiteral("{{len:u8}} {{random:5}}"), true)
                              << hex("06") << qsizetype(5) << QByteArray();
}

void tst_Message::random()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QByteArray, prefix);
    QFETCH(qsizetype, randomCount);
    QFETCH(QByteArray, suffix);

    DynamicContext ctx;
    const MessageBuildResult r = sockscope::build(spec, &ctx);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.size(), prefix.size() + randomCount + suffix.size());
    QVERIFY(r.bytes.startsWith(prefix));
    QVERIFY(r.bytes.endsWith(suffix));

    // Another send draws other bytes (a 1-byte field repeats with probability
    // 1/256 per send, so look at several).
    bool differs = false;
    for (int i = 0; i < 8 && !differs; ++i)
        differs = sockscope::build(spec, &ctx).bytes != r.bytes;
    QVERIFY(differs);
}

void tst_Message::randomState()
{
    const MessageSpec spec = hexSpec(QStringLiteral("{{random:8}}"), true);
    DynamicContext a;
    DynamicContext b;
    a.seedRandom(42);
    b.seedRandom(42);

    // The preview shows exactly what the next send draws, and does not draw itself.
    const QByteArray shown = sockscope::preview(spec, &a).bytes;
    QCOMPARE(sockscope::preview(spec, &a).bytes, shown);
    QCOMPARE(sockscope::build(spec, &a).bytes, shown);
    QCOMPARE(sockscope::build(spec, &b).bytes, shown);

    // A refused message draws nothing.
    MessageSpec broken = hexSpec(QStringLiteral("{{random:8}} 0G"), true);
    QVERIFY(!sockscope::build(broken, &a).ok());
    const QByteArray next = sockscope::build(spec, &a).bytes;
    QCOMPARE(sockscope::build(spec, &b).bytes, next);
    QVERIFY(next != shown);
    QCOMPARE(a.sequence(), quint64(0)); // no counter, no count
}

void tst_Message::time_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QByteArray>("expected");

    const auto text = [](const QString &content) {
        return textSpec(content, Encoding::Utf8, false, true);
    };
    const QDateTime utc = kFixedTime;
    const QDateTime beijing(QDate(2024, 1, 2), QTime(11, 4, 5, 678), Qt::OffsetFromUTC, 8 * 3600);

    QTest::newRow("default") << text(QStringLiteral("{{time}}")) << utc
                             << QByteArray("03:04:05.678");
    QTest::newRow("pattern") << text(QStringLiteral("[{{time:yyyy-MM-dd HH:mm}}]")) << utc
                             << QByteArray("[2024-01-02 03:04]");
    QTest::newRow("pattern-in-gbk")
        << textSpec(QStringLiteral("{{time:yyyy'年'M'月'}}"), Encoding::Gbk, false, true) << utc
        << QByteArray("2024") + hex("c4ea") + "1" + hex("d4c2");
    QTest::newRow("unix") << text(QStringLiteral("{{time:unix}}")) << utc
                          << QByteArray("1704164645");
    QTest::newRow("unixms") << text(QStringLiteral("{{time:unixms}}")) << utc
                            << QByteArray("1704164645678");
    QTest::newRow("unix-hex") << text(QStringLiteral("{{time:unix,hex}}")) << utc
                              << QByteArray("65937D25");
    QTest::newRow("u32be") << hexSpec(QStringLiteral("{{time:u32be}}"), true) << utc
                           << hex("65937d25");
    QTest::newRow("u32le") << hexSpec(QStringLiteral("{{time:u32le}}"), true) << utc
                           << hex("257d9365");
    QTest::newRow("u64be-ms") << hexSpec(QStringLiteral("{{time:u64be}}"), true) << utc
                              << hex("0000018cc820db2e");
    QTest::newRow("iso-utc") << text(QStringLiteral("{{time:iso}}")) << utc
                             << QByteArray("2024-01-02T03:04:05.678Z");
    QTest::newRow("iso-offset") << text(QStringLiteral("{{time:iso}}")) << beijing
                                << QByteArray("2024-01-02T11:04:05.678+08:00");
    QTest::newRow("json-doc-example")
        << text(QStringLiteral("{\"id\":{{counter}},\"t\":{{time:unixms}}}")) << utc
        << QByteArray("{\"id\":1,\"t\":1704164645678}");
    QTest::newRow("two-fields-one-instant")
        << text(QStringLiteral("{{time:ss}}/{{time:zzz}}")) << utc << QByteArray("05/678");
}

void tst_Message::time()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QDateTime, now);
    QFETCH(QByteArray, expected);

    DynamicContext ctx;
    ctx.setClock([now] { return now; });
    const MessageBuildResult p = sockscope::preview(spec, &ctx);
    QCOMPARE(p.bytes, expected);
    QVERIFY(p.varies);

    const MessageBuildResult r = sockscope::build(spec, &ctx);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.bytes, expected);
}

void tst_Message::previewVaries()
{
    DynamicContext ctx;
    const auto fields = [](const QString &content) {
        return textSpec(content, Encoding::Utf8, false, true);
    };
    QVERIFY(sockscope::preview(fields(QStringLiteral("{{time:unix}}")), &ctx).varies);
    QVERIFY(
        !sockscope::preview(fields(QStringLiteral("{{counter}}{{random:2}}{{len}}")), &ctx).varies);
    QVERIFY(!sockscope::preview(textSpec(QStringLiteral("{{time}}")), &ctx).varies);
    // build() results never claim to vary: they are what was sent.
    QVERIFY(!sockscope::build(fields(QStringLiteral("{{time}}")), &ctx).varies);

    // Preview without a context: the real clock, counter at its start.
    const MessageBuildResult p = sockscope::preview(fields(QStringLiteral("{{counter:start=5}}")));
    QCOMPARE(p.bytes, QByteArray("5"));
}

void tst_Message::lineEndingNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<LineEnding>("ending");

    QTest::newRow("none") << QStringLiteral("none") << true << LineEnding::None;
    QTest::newRow("lf") << QStringLiteral("LF") << true << LineEnding::LF;
    QTest::newRow("crlf") << QStringLiteral("crlf") << true << LineEnding::CRLF;
    QTest::newRow("cr") << QStringLiteral("cr") << true << LineEnding::CR;
    QTest::newRow("escaped-crlf") << QStringLiteral("\\r\\n") << true << LineEnding::CRLF;
    QTest::newRow("raw-lf") << QStringLiteral("\n") << true << LineEnding::LF;
    QTest::newRow("empty") << QString() << false << LineEnding::None;
    QTest::newRow("bogus") << QStringLiteral("lfcr") << false << LineEnding::None;
}

void tst_Message::lineEndingNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(LineEnding, ending);

    LineEnding parsed = LineEnding::CR;
    QCOMPARE(sockscope::lineEndingFromName(name, &parsed), valid);
    if (!valid) {
        QCOMPARE(parsed, LineEnding::CR); // untouched
        return;
    }
    QCOMPARE(parsed, ending);
    LineEnding back = LineEnding::CR;
    QVERIFY(sockscope::lineEndingFromName(sockscope::lineEndingId(ending), &back));
    QCOMPARE(back, ending);
    const QByteArray bytes = sockscope::lineEndingBytes(ending);
    QCOMPARE(bytes.size(), ending == LineEnding::None ? 0 : ending == LineEnding::CRLF ? 2 : 1);
}

void tst_Message::textToHex_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << textSpec(QString()) << QString();
    QTest::newRow("ascii") << textSpec(QStringLiteral("Hi")) << QStringLiteral("48 69");
    QTest::newRow("gbk") << textSpec(QStringLiteral("你好"), Encoding::Gbk)
                         << QStringLiteral("C4 E3 BA C3");
    QTest::newRow("utf8") << textSpec(QStringLiteral("你")) << QStringLiteral("E4 BD A0");
    QTest::newRow("escapes-applied")
        << textSpec(QStringLiteral("a\\r\\n\\xFF"), Encoding::Gbk, true)
        << QStringLiteral("61 0D 0A FF");
    QTest::newRow("escapes-off-literal")
        << textSpec(QStringLiteral("\\n")) << QStringLiteral("5C 6E");
    QTest::newRow("fields-kept") << textSpec(QStringLiteral("A{{counter:u8}}B{{len}}"),
                                             Encoding::Utf8, false, true)
                                 << QStringLiteral("41 {{counter:u8}} 42 {{len}}");
    QTest::newRow("literal-braces-become-bytes")
        << textSpec(QStringLiteral("{{{{x"), Encoding::Utf8, false, true)
        << QStringLiteral("7B 7B 78");
    QTest::newRow("fields-off-braces") << textSpec(QStringLiteral("{{")) << QStringLiteral("7B 7B");
}

void tst_Message::textToHex()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QString, expected);

    const ContentConversion c = sockscope::textToHex(spec);
    QVERIFY2(c.ok(), qPrintable(c.errorString));
    QCOMPARE(c.content, expected);
    QVERIFY(!c.needsEscapes);

    // The hex content sends the same bytes as the text did.
    if (!spec.content.isEmpty()) {
        MessageSpec asHex = spec;
        asHex.format = MessageFormat::Hex;
        asHex.content = c.content;
        QCOMPARE(sockscope::build(asHex).bytes, sockscope::build(spec).bytes);
    }
}

void tst_Message::hexToText_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("needsEscapes");

    const auto esc = [](MessageSpec s) {
        s.escapes = true;
        return s;
    };
    const auto enc = [](MessageSpec s, Encoding e) {
        s.encoding = e;
        return s;
    };
    const auto Gbk = Encoding::Gbk;
    const auto Latin1 = Encoding::Latin1;

    QTest::newRow("empty") << hexSpec(QString()) << QString() << false;
    QTest::newRow("ascii") << hexSpec(QStringLiteral("48 69")) << QStringLiteral("Hi") << false;
    QTest::newRow("gbk") << enc(hexSpec(QStringLiteral("C4E3 BAC3")), Gbk) << QStringLiteral("你好")
                         << false;
    QTest::newRow("utf8") << hexSpec(QStringLiteral("E4 BD A0")) << QStringLiteral("你") << false;
    QTest::newRow("tab-and-lf-plain")
        << hexSpec(QStringLiteral("61 09 62 0A")) << QStringLiteral("a\tb\n") << false;
    QTest::newRow("crlf-escapes-on")
        << esc(hexSpec(QStringLiteral("48 0D 0A"))) << QStringLiteral("H\\r\\n") << false;
    QTest::newRow("crlf-escapes-off")
        << hexSpec(QStringLiteral("48 0D 0A")) << QStringLiteral("H\\r\\n") << true;
    QTest::newRow("backslash-escapes-on")
        << esc(hexSpec(QStringLiteral("5C"))) << QStringLiteral("\\\\") << false;
    QTest::newRow("backslash-escapes-off")
        << hexSpec(QStringLiteral("5C")) << QStringLiteral("\\") << false;
    QTest::newRow("utf8-invalid") << esc(hexSpec(QStringLiteral("41 FF 42")))
                                  << QStringLiteral("A\\xFFB") << false;
    QTest::newRow("utf8-invalid-escapes-off")
        << hexSpec(QStringLiteral("FF")) << QStringLiteral("\\xFF") << true;
    QTest::newRow("utf8-truncated")
        << esc(hexSpec(QStringLiteral("E4 BD"))) << QStringLiteral("\\xE4\\xBD") << false;
    QTest::newRow("utf8-truncated-then-ascii")
        << esc(hexSpec(QStringLiteral("E4 BD 41"))) << QStringLiteral("\\xE4\\xBDA") << false;
    QTest::newRow("utf8-c1-control")
        << esc(hexSpec(QStringLiteral("C2 80"))) << QStringLiteral("\\xC2\\x80") << false;
    QTest::newRow("gbk-0x80") << esc(enc(hexSpec(QStringLiteral("80")), Gbk)) << QStringLiteral("€")
                              << false;
    QTest::newRow("gbk-lone-lead")
        << esc(enc(hexSpec(QStringLiteral("D6 20")), Gbk)) << QStringLiteral("\\xD6 ") << false;
    QTest::newRow("gbk-ff-ff") << esc(enc(hexSpec(QStringLiteral("FF FF")), Gbk))
                               << QStringLiteral("\\xFF\\xFF") << false;
    QTest::newRow("gb18030-four-byte")
        << esc(enc(hexSpec(QStringLiteral("81 30 81 30 D6 D0")), Gbk))
        << QStringLiteral("\\x81\\x30\\x81\\x30中") << false;
    QTest::newRow("latin1-high") << enc(hexSpec(QStringLiteral("E9")), Latin1)
                                 << QStringLiteral("é") << false;
    QTest::newRow("latin1-c1") << esc(enc(hexSpec(QStringLiteral("41 85")), Latin1))
                               << QStringLiteral("A\\x85") << false;
    QTest::newRow("nul-and-del") << esc(hexSpec(QStringLiteral("00 7F")))
                                 << QStringLiteral("\\0\\x7F") << false;
    QTest::newRow("braces-fields-off")
        << hexSpec(QStringLiteral("7B 7B")) << QStringLiteral("{{") << false;
    QTest::newRow("braces-fields-on")
        << hexSpec(QStringLiteral("7B 7B"), true) << QStringLiteral("{{{{") << false;
    QTest::newRow("fields-kept") << hexSpec(QStringLiteral("41 {{counter:u8}} 42"), true)
                                 << QStringLiteral("A{{counter:u8}}B") << false;
    QTest::newRow("brace-before-field") << hexSpec(QStringLiteral("7B {{counter:u8}}"), true)
                                        << QStringLiteral("{{{counter:u8}}") << false;
}

void tst_Message::hexToText()
{
    QFETCH(MessageSpec, spec);
    QFETCH(QString, expected);
    QFETCH(bool, needsEscapes);

    const ContentConversion c = sockscope::hexToText(spec);
    QVERIFY2(c.ok(), qPrintable(c.errorString));
    QCOMPARE(c.content, expected);
    QCOMPARE(c.needsEscapes, needsEscapes);
    QCOMPARE(c.notice.isEmpty(), !needsEscapes);

    // Byte-exact: the text (with escapes on when they are needed) sends what the hex did.
    if (!spec.content.isEmpty()) {
        MessageSpec asText = spec;
        asText.format = MessageFormat::Text;
        asText.content = c.content;
        asText.escapes = spec.escapes || needsEscapes;
        const MessageBuildResult original = sockscope::build(spec);
        const MessageBuildResult converted = sockscope::build(asText);
        QVERIFY2(converted.ok(), qPrintable(converted.errorString));
        QCOMPARE(converted.bytes.toHex(' '), original.bytes.toHex(' '));
    }
}

void tst_Message::conversionErrors_data()
{
    QTest::addColumn<MessageSpec>("spec");
    QTest::addColumn<bool>("toHex");
    QTest::addColumn<qsizetype>("position");

    QTest::newRow("text-unencodable")
        << textSpec(QStringLiteral("ab😀"), Encoding::Latin1) << true << qsizetype(2);
    QTest::newRow("text-bad-escape")
        << textSpec(QStringLiteral("a\\z"), Encoding::Utf8, true) << true << qsizetype(1);
    QTest::newRow("text-bad-field")
        << textSpec(QStringLiteral("{{nope}}"), Encoding::Utf8, false, true) << true
        << qsizetype(2);
    QTest::newRow("hex-bad-digit") << hexSpec(QStringLiteral("41 4G")) << false << qsizetype(4);
    QTest::newRow("hex-odd") << hexSpec(QStringLiteral("414")) << false << qsizetype(0);
    QTest::newRow("hex-bad-field")
        << hexSpec(QStringLiteral("41 {{nope}}"), true) << false << qsizetype(5);
}

void tst_Message::conversionErrors()
{
    QFETCH(MessageSpec, spec);
    QFETCH(bool, toHex);
    QFETCH(qsizetype, position);

    const ContentConversion c = toHex ? sockscope::textToHex(spec) : sockscope::hexToText(spec);
    QVERIFY(!c.ok());
    QCOMPARE(c.errorPosition, position);
    QVERIFY(c.errorLength >= 1);
    QVERIFY(!c.errorString.isEmpty());
    QVERIFY(c.content.isEmpty());
}

void tst_Message::conversionRoundTrip_data()
{
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<bool>("fields");

    for (int e = 0; e < 3; ++e) {
        QTest::addRow("%s", kEncodingNames[e]) << kEncodings[e] << false;
        QTest::addRow("%s-fields", kEncodingNames[e]) << kEncodings[e] << true;
    }
}

void tst_Message::conversionRoundTrip()
{
    QFETCH(Encoding, encoding);
    QFETCH(bool, fields);

    // bytes -> hex -> text (escapes on, or off when the bytes allow) -> bytes, and
    // text -> hex -> bytes again: always identical.
    QRandomGenerator rng(0x50C5C0E + int(encoding) * 2 + int(fields));
    for (int round = 0; round < 1500; ++round) {
        const QByteArray bytes = round % 3 == 0 ? mixedBytes(rng, encoding) : [&rng] {
            QByteArray b(rng.bounded(1, 24), Qt::Uninitialized);
            for (char &c : b)
                c = char(rng.bounded(256));
            return b;
        }();
        const QString hexText = sockscope::toHexString(bytes);
        MessageSpec spec = hexSpec(hexText, fields);
        spec.encoding = encoding;

        for (const bool escapes : {true, false}) {
            spec.escapes = escapes;
            const ContentConversion toText = sockscope::hexToText(spec);
            QVERIFY(toText.ok());
            QVERIFY(escapes ? !toText.needsEscapes : true);

            MessageSpec text = spec;
            text.format = MessageFormat::Text;
            text.content = toText.content;
            text.escapes = escapes || toText.needsEscapes;
            const MessageBuildResult sent = sockscope::build(text);
            QVERIFY2(sent.ok(),
                     qPrintable(toText.content + QStringLiteral(": ") + sent.errorString));
            if (sent.bytes != bytes)
                QFAIL(qPrintable(
                    QStringLiteral("%1 -> \"%2\" -> %3")
                        .arg(hexText, toText.content, sockscope::toHexString(sent.bytes))));

            const ContentConversion backToHex = sockscope::textToHex(text);
            QVERIFY(backToHex.ok());
            QCOMPARE(backToHex.content, hexText);
        }
    }
}

QTEST_APPLESS_MAIN(tst_Message)
#include "tst_message.moc"
