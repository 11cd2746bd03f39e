#pragma once

#include "core/codec/checksum.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringView>

#include <functional>

namespace sockscope {

// Placeholders expanded when a message is sent, e.g. "{{counter:u16be}}".
// The syntax is documented in docs/dynamic-fields.md; this header is the parser
// and the per-sender state, message.h does the expansion.

enum class FieldKind
{
    Counter, // start + step * DynamicContext::sequence()
    Time,    // the send time
    Random,  // random bytes
    Length,  // length of the whole frame, resolved after everything else
};

// How an integer field is written.
enum class FieldFormat
{
    Decimal, // ASCII digits, zero-padded to padWidth
    HexText, // ASCII uppercase hex digits, zero-padded to padWidth
    Binary,  // byteWidth raw bytes in byteOrder
};

enum class TimeStyle
{
    Pattern, // QDateTime::toString(timePattern)
    Unix,    // seconds since the epoch (an integer: formatted per FieldFormat)
    UnixMs,  // milliseconds since the epoch (likewise)
    Iso,     // ISO 8601 with milliseconds and offset
};

struct DynamicField
{
    FieldKind kind = FieldKind::Counter;
    qsizetype position = 0; // index of the opening "{{" in the message content
    qsizetype length = 0;   // characters up to and including the closing "}}"

    FieldFormat format = FieldFormat::Decimal;
    int byteWidth = 0; // Binary: 1, 2, 4 or 8
    ByteOrder byteOrder = ByteOrder::BigEndian;
    int padWidth = 0; // Decimal / HexText: minimum number of digits

    qint64 start = 1; // Counter
    qint64 step = 1;  // Counter

    qint64 adjust = 0;       // Length: added to the counted length
    bool afterField = false; // Length: count only the bytes after this field

    int randomCount = 1; // Random: number of bytes

    TimeStyle timeStyle = TimeStyle::Pattern; // Time
    QString timePattern;                      // Time, TimeStyle::Pattern

    // True when the field yields text that goes through the message encoding;
    // false when it yields raw bytes.
    bool producesText() const { return kind != FieldKind::Random && format != FieldFormat::Binary; }
};

// A piece of message content: literal text (still to be unescaped / hex-parsed
// and encoded) or a field.
struct ContentToken
{
    enum class Kind
    {
        Literal,
        Field
    };

    Kind kind = Kind::Literal;
    qsizetype position = 0; // index in the content of the token's first character
    // Literal: the characters to process. Equal to the source characters, except
    // for a "{{{{" in the source, which becomes its own token with text "{{".
    QString text;
    DynamicField field; // Kind::Field only
};

struct DynamicParseResult
{
    QList<ContentToken> tokens; // literals and fields in content order; empty on error
    qsizetype errorPosition = -1;
    qsizetype errorLength = 0; // characters to underline, at least 1 on error
    QString errorString;       // translated
    bool ok() const { return errorPosition < 0; }
};

// Splits message content into literals and fields. "{{{{" is a literal "{{";
// "{{" followed (after optional spaces) by a letter starts a field, which runs
// to the next "}}"; any other "{" or "}" is literal. Unknown field names, bad
// options and unclosed fields are errors with their position.
// backslashEscapes: the content is text with escapes on, so a backslash right
// before a field or "{{{{" is reported (it cannot escape a brace).
DynamicParseResult parseDynamicContent(QStringView content, bool backslashEscapes = false);

// Writes literal text so that parseDynamicContent() gives it back unchanged as
// literal(s), whatever follows it (even a field): every "{{" becomes "{{{{".
QString escapeLiteralBraces(QStringView literal);

// Text of an integer field in Decimal or HexText format (negative values get a
// '-' in front of the padded digits).
QString formatIntegerText(const DynamicField &field, qint64 value);
// The low byteWidth bytes of value (two's complement) in the field's byte order.
QByteArray formatIntegerBinary(const DynamicField &field, quint64 value);
// True when value (>= 0) can be represented by the field without wrapping.
bool integerFits(const DynamicField &field, qint64 value);

// Per-sender state for dynamic fields. One instance per sender (the Send button
// of a session, each periodic/auto sender), so each counts 1, 2, 3... on its own.
class DynamicContext
{
public:
    DynamicContext();

    // Number of sends of messages that contain a counter; a counter field shows
    // start + step * sequence(). build() advances it after a successful build.
    quint64 sequence() const { return m_sequence; }
    void setSequence(quint64 sequence) { m_sequence = sequence; }
    void advance() { ++m_sequence; }
    void reset() { m_sequence = 0; }

    // Time source for {{time}} (tests inject a fixed clock). Default: current local time.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    // Random source for {{random}}. Seeded from the system by default; seed it
    // for reproducible sequences.
    void seedRandom(quint32 seed) { m_random.seed(seed); }
    QRandomGenerator &random() { return m_random; }
    const QRandomGenerator &random() const { return m_random; }

private:
    quint64 m_sequence = 0;
    std::function<QDateTime()> m_clock;
    QRandomGenerator m_random;
};

} // namespace sockscope
