#include "core/codec/escapes.h"

#include <QRandomGenerator>
#include <QTest>

#include <memory>

using sockscope::EscapeParseResult;
using sockscope::EscapeSegment;
using Segments = QList<EscapeSegment>;

namespace {
QByteArray pretty(QStringView text)
{
    const std::unique_ptr<char[]> p(QTest::toPrettyUnicode(text));
    return QByteArray(p.get());
}
} // namespace

namespace sockscope {
// Found by ADL from QCOMPARE on lists, so a mismatch shows which segment differs.
char *toString(const EscapeSegment &s)
{
    const QByteArray text = s.kind == EscapeSegment::Kind::Text
                                ? "Text(" + pretty(s.text) + ')'
                                : "Bytes(" + s.bytes.toHex(' ') + ')';
    return qstrdup(text.constData());
}
} // namespace sockscope

namespace {

EscapeSegment T(const QString &text)
{
    return EscapeSegment::fromText(text);
}

EscapeSegment B(const char *hex)
{
    return EscapeSegment::fromBytes(QByteArray::fromHex(hex));
}

// What the wire would carry if the text were sent as UTF-8.
QByteArray toUtf8Wire(const Segments &segments)
{
    QByteArray out;
    for (const EscapeSegment &s : segments)
        out += s.kind == EscapeSegment::Kind::Text ? s.text.toUtf8() : s.bytes;
    return out;
}

} // namespace

class tst_Escapes : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseErrors_data();
    void parseErrors();
    void rawByteIsNotACharacter();
    void escapeForDisplay_data();
    void escapeForDisplay();
    void roundTrip_data();
    void roundTrip();
    void roundTripRandom();
};

void tst_Escapes::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Segments>("expected");

    QTest::newRow("empty") << QString() << Segments{};
    QTest::newRow("plain") << QStringLiteral("hello") << Segments{T(QStringLiteral("hello"))};
    QTest::newRow("chinese") << QStringLiteral("你好") << Segments{T(QStringLiteral("你好"))};
    QTest::newRow("literal-emoji") << QStringLiteral("😀") << Segments{T(QStringLiteral("😀"))};

    QTest::newRow("\\r") << QStringLiteral("\\r") << Segments{T(QStringLiteral("\r"))};
    QTest::newRow("\\n") << QStringLiteral("\\n") << Segments{T(QStringLiteral("\n"))};
    QTest::newRow("\\t") << QStringLiteral("\\t") << Segments{T(QStringLiteral("\t"))};
    QTest::newRow("\\\\") << QStringLiteral("\\\\") << Segments{T(QStringLiteral("\\"))};
    QTest::newRow("\\0") << QStringLiteral("\\0") << Segments{T(QString(QChar(0)))};
    QTest::newRow("\\a") << QStringLiteral("\\a") << Segments{T(QStringLiteral("\x07"))};
    QTest::newRow("\\b") << QStringLiteral("\\b") << Segments{T(QStringLiteral("\x08"))};
    QTest::newRow("\\f") << QStringLiteral("\\f") << Segments{T(QStringLiteral("\x0c"))};
    QTest::newRow("\\v") << QStringLiteral("\\v") << Segments{T(QStringLiteral("\x0b"))};
    QTest::newRow("\\e") << QStringLiteral("\\e") << Segments{T(QStringLiteral("\x1b"))};

    // \0 takes no digits, so "\012" is NUL followed by the text "12".
    QTest::newRow("\\0-then-digits")
        << QStringLiteral("\\012") << Segments{T(QString(QChar(0)) + QStringLiteral("12"))};
    QTest::newRow("text-merges") << QStringLiteral("AT\\r\\nOK")
                                 << Segments{T(QStringLiteral("AT\r\nOK"))};
    QTest::newRow("escaped-backslash-then-x41")
        << QStringLiteral("\\\\x41") << Segments{T(QStringLiteral("\\x41"))};

    QTest::newRow("\\x41") << QStringLiteral("\\x41") << Segments{B("41")};
    QTest::newRow("\\xff-lowercase") << QStringLiteral("\\xff") << Segments{B("ff")};
    QTest::newRow("\\x00") << QStringLiteral("\\x00") << Segments{B("00")};
    QTest::newRow("bytes-merge") << QStringLiteral("\\xAA\\x55\\x00") << Segments{B("aa5500")};
    QTest::newRow("third-hex-digit-is-text")
        << QStringLiteral("\\xFFF") << Segments{B("ff"), T(QStringLiteral("F"))};
    QTest::newRow("text-bytes-text")
        << QStringLiteral("a\\xFEb\\r")
        << Segments{T(QStringLiteral("a")), B("fe"), T(QStringLiteral("b\r"))};
    QTest::newRow("bytes-then-\\u")
        << QStringLiteral("\\x41\\u0042") << Segments{B("41"), T(QStringLiteral("B"))};

    QTest::newRow("\\u0041") << QStringLiteral("\\u0041") << Segments{T(QStringLiteral("A"))};
    QTest::newRow("\\u0000") << QStringLiteral("\\u0000") << Segments{T(QString(QChar(0)))};
    QTest::newRow("\\u-lowercase-hex")
        << QStringLiteral("\\u4f60\\u597D") << Segments{T(QStringLiteral("你好"))};
    // A backslash produced by \u is a character, not the start of another escape.
    QTest::newRow("\\u005C-then-n")
        << QStringLiteral("\\u005Cn") << Segments{T(QStringLiteral("\\n"))};
    QTest::newRow("surrogate-pair")
        << QStringLiteral("x\\uD83D\\uDE00y") << Segments{T(QStringLiteral("x😀y"))};
    QTest::newRow("fifth-hex-digit-is-text")
        << QStringLiteral("\\u00411") << Segments{T(QStringLiteral("A1"))};
}

void tst_Escapes::parseValid()
{
    QFETCH(QString, input);
    QFETCH(Segments, expected);

    const EscapeParseResult result = sockscope::parseEscapes(input);
    QVERIFY2(result.ok(), qPrintable(result.errorString));
    QCOMPARE(result.errorPosition, -1);
    QVERIFY(result.errorString.isEmpty());
    QCOMPARE(result.segments, expected);
}

void tst_Escapes::parseErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<QString>("reason");

    QTest::newRow("lone-backslash")
        << QStringLiteral("\\") << qsizetype(0) << QStringLiteral("lone backslash");
    QTest::newRow("trailing-backslash")
        << QStringLiteral("abc\\") << qsizetype(3) << QStringLiteral("lone backslash");
    QTest::newRow("unknown-q") << QStringLiteral("\\q") << qsizetype(0)
                               << QStringLiteral("unknown escape \\q");
    QTest::newRow("unknown-after-text")
        << QStringLiteral("ab\\q") << qsizetype(2) << QStringLiteral("unknown escape \\q");
    QTest::newRow("unknown-uppercase-X")
        << QStringLiteral("\\X41") << qsizetype(0) << QStringLiteral("unknown escape \\X");
    QTest::newRow("unknown-space")
        << QStringLiteral("\\ ") << qsizetype(0) << QStringLiteral("unknown escape \\ ");
    QTest::newRow("unknown-after-valid")
        << QStringLiteral("\\x41\\r\\q") << qsizetype(6) << QStringLiteral("unknown escape \\q");

    QTest::newRow("\\x-at-end") << QStringLiteral("\\x") << qsizetype(0)
                                << QStringLiteral("\\x needs two hex digits");
    QTest::newRow("\\x-one-digit")
        << QStringLiteral("\\x4") << qsizetype(0) << QStringLiteral("\\x needs two hex digits");
    QTest::newRow("\\x-one-digit-then-text")
        << QStringLiteral("a\\x4z") << qsizetype(1) << QStringLiteral("\\x needs two hex digits");
    QTest::newRow("\\x-not-hex") << QStringLiteral("\\xG1") << qsizetype(0)
                                 << QStringLiteral("\\x needs two hex digits");

    QTest::newRow("\\u-at-end") << QStringLiteral("\\u") << qsizetype(0)
                                << QStringLiteral("\\u needs four hex digits");
    QTest::newRow("\\u-three-digits")
        << QStringLiteral("\\u123") << qsizetype(0) << QStringLiteral("\\u needs four hex digits");
    QTest::newRow("\\u-not-hex") << QStringLiteral("\\u12G4") << qsizetype(0)
                                 << QStringLiteral("\\u needs four hex digits");

    QTest::newRow("lone-high-at-end")
        << QStringLiteral("\\uD83D") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("high-then-text")
        << QStringLiteral("\\uD83Dx") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("high-then-backslash")
        << QStringLiteral("\\uD83D\\") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("high-then-non-surrogate")
        << QStringLiteral("\\uD83D\\u0041") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("high-then-high")
        << QStringLiteral("\\uD83D\\uD83D") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("high-then-bad-hex")
        << QStringLiteral("\\uD83D\\uDE0") << qsizetype(0) << QStringLiteral("high surrogate");
    QTest::newRow("lone-low") << QStringLiteral("\\uDE00") << qsizetype(0)
                              << QStringLiteral("lone low surrogate");
    QTest::newRow("extra-low-after-pair") << QStringLiteral("ok\\uD83D\\uDE00\\uDE00")
                                          << qsizetype(14) << QStringLiteral("lone low surrogate");
}

void tst_Escapes::parseErrors()
{
    QFETCH(QString, input);
    QFETCH(qsizetype, position);
    QFETCH(QString, reason);

    const EscapeParseResult result = sockscope::parseEscapes(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.errorPosition, position);
    QVERIFY2(result.errorString.contains(reason),
             qPrintable(QStringLiteral("got: ") + result.errorString));
    QVERIFY(result.segments.isEmpty());
}

// \xFF must reach the wire as byte 0xFF whatever the text encoding; if it became
// the character U+00FF it would be sent as C3 BF in UTF-8 or rejected in GBK.
void tst_Escapes::rawByteIsNotACharacter()
{
    const EscapeParseResult result = sockscope::parseEscapes(QStringLiteral("\\xFF"));
    QVERIFY(result.ok());
    QCOMPARE(result.segments.size(), 1);
    QCOMPARE(result.segments.first().kind, EscapeSegment::Kind::Bytes);
    QCOMPARE(toUtf8Wire(result.segments), QByteArray("\xFF"));
}

void tst_Escapes::escapeForDisplay_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("hello") << QStringLiteral("hello");
    QTest::newRow("chinese") << QStringLiteral("你好") << QStringLiteral("你好");
    QTest::newRow("crlf") << QStringLiteral("AT\r\n") << QStringLiteral("AT\\r\\n");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\\tb");
    QTest::newRow("nul") << QString(QChar(0)) << QStringLiteral("\\0");
    QTest::newRow("backslash") << QStringLiteral("C:\\dir") << QStringLiteral("C:\\\\dir");
    QTest::newRow("0x01") << QStringLiteral("\x01") << QStringLiteral("\\x01");
    QTest::newRow("esc") << QStringLiteral("\x1b[0m") << QStringLiteral("\\x1B[0m");
    QTest::newRow("vt") << QStringLiteral("\x0b") << QStringLiteral("\\x0B");
    QTest::newRow("0x1f") << QStringLiteral("\x1f") << QStringLiteral("\\x1F");
    QTest::newRow("del") << QStringLiteral("\x7f") << QStringLiteral("\\x7F");
    QTest::newRow("space-and-tilde-kept") << QStringLiteral(" ~") << QStringLiteral(" ~");
    QTest::newRow("emoji-kept") << QStringLiteral("😀") << QStringLiteral("😀");
}

void tst_Escapes::escapeForDisplay()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(sockscope::escapeForDisplay(input), expected);
}

void tst_Escapes::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    QString allControls;
    for (char16_t u = 0; u < 0x20; ++u)
        allControls += QChar(u);
    allControls += QChar(0x7f);

    QTest::newRow("empty") << QString();
    QTest::newRow("all-c0-and-del") << allControls;
    QTest::newRow("nul-then-digits") << QString(QChar(0)) + QStringLiteral("12");
    QTest::newRow("backslash-then-escape-letters") << QStringLiteral("\\n\\x41\\u0041\\");
    QTest::newRow("double-backslash") << QStringLiteral("\\\\");
    QTest::newRow("mixed") << QStringLiteral("温度=25\r\n\x02STX\x03\t😀\\");
}

void tst_Escapes::roundTrip()
{
    QFETCH(QString, text);

    const QString shown = sockscope::escapeForDisplay(text);
    const EscapeParseResult back = sockscope::parseEscapes(shown);
    QVERIFY2(back.ok(), qPrintable(back.errorString));
    QCOMPARE(toUtf8Wire(back.segments), text.toUtf8());
}

// Random strings biased towards the characters that interact with escaping.
void tst_Escapes::roundTripRandom()
{
    const QString alphabet = QStringLiteral("\\\\\\xu0n1rAFfGz \r\n\t\x01\x1b\x7f你😀");
    QRandomGenerator rng(20261125); // fixed seed: a failure must be reproducible
    for (int round = 0; round < 2000; ++round) {
        QString text;
        const int length = rng.bounded(12);
        for (int i = 0; i < length; ++i) {
            const QChar c = alphabet.at(rng.bounded(int(alphabet.size())));
            text += c;
            if (c.isHighSurrogate()) // keep the emoji whole
                text += QChar(0xDE00);
            else if (c.isLowSurrogate())
                text.chop(1);
        }
        const QString shown = sockscope::escapeForDisplay(text);
        const EscapeParseResult back = sockscope::parseEscapes(shown);
        QVERIFY2(back.ok(), pretty(shown).constData());
        QCOMPARE(toUtf8Wire(back.segments), text.toUtf8());
    }
}

QTEST_APPLESS_MAIN(tst_Escapes)
#include "tst_escapes.moc"
