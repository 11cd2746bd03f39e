#pragma once

#include "core/codec/checksum.h"
#include "core/codec/encoding.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace sockscope {

class DynamicContext;

enum class MessageFormat
{
    Text, // characters, encoded in MessageSpec::encoding
    Hex,  // hex digits, parsed with parseHex()
};

// Appended after the content, in text and in hex mode alike (the preview shows it).
enum class LineEnding
{
    None,
    LF,
    CRLF,
    CR,
};

// Stable ids for settings and the command line: "none", "lf", "crlf", "cr".
QString lineEndingId(LineEnding ending);
// Accepts the ids case-insensitively, plus "\n", "\r\n" and "\r". Leaves *ending alone on failure.
bool lineEndingFromName(QStringView name, LineEnding *ending);
QByteArray lineEndingBytes(LineEnding ending);

// Everything that turns the send editor into bytes.
struct MessageSpec
{
    MessageFormat format = MessageFormat::Text;
    QString content;
    Encoding encoding = Encoding::Utf8; // text mode; also for text fields in hex mode
    bool escapes = false;               // text mode: \r \n \xNN ... (codec/escapes.h)
    LineEnding lineEnding = LineEnding::None;
    ChecksumKind checksum = ChecksumKind::None; // appended last, over everything before it
    // Pick defaultByteOrder(checksum) when the user picks a kind (MODBUS is little-endian).
    ByteOrder checksumOrder = ByteOrder::BigEndian;
    bool dynamicFields = false; // expand {{...}} (docs/dynamic-fields.md)

    friend bool operator==(const MessageSpec &a, const MessageSpec &b)
    {
        return a.format == b.format && a.content == b.content && a.encoding == b.encoding &&
               a.escapes == b.escapes && a.lineEnding == b.lineEnding && a.checksum == b.checksum &&
               a.checksumOrder == b.checksumOrder && a.dynamicFields == b.dynamicFields;
    }
    friend bool operator!=(const MessageSpec &a, const MessageSpec &b) { return !(a == b); }
};

enum class MessageError
{
    None,
    Empty,         // the content yields no bytes
    InvalidHex,    // hex mode: not a hex digit, odd digit count...
    InvalidEscape, // text mode with escapes: malformed escape sequence
    Unencodable,   // a character the encoding cannot represent
    InvalidField,  // dynamic fields: unknown name, bad option, unclosed, length overflow
};

struct MessageBuildResult
{
    QByteArray bytes; // the frame to send; empty on error

    MessageError error = MessageError::None;
    qsizetype errorPosition = -1; // index in MessageSpec::content of the problem
    qsizetype errorLength = 0;    // characters to underline from errorPosition (>= 1 on error)
    QString errorString;          // translated reason, e.g. "invalid hex: 'G' is not a hex digit"

    // Preview only: the frame contains a {{time}} field, so the bytes actually
    // sent will differ there (everything else, random bytes included, is exact).
    bool varies = false;

    bool ok() const { return error == MessageError::None; }
    qsizetype size() const { return bytes.size(); }
};

// Builds the frame: content (escapes, fields, encoding or hex) + line ending +
// checksum over all of that. Empty content is refused with MessageError::Empty.
// With dynamic fields, ctx holds the per-sender state; on success the counter
// sequence advances (only when the message contains a counter) and random bytes
// are drawn from it. Without ctx, counters show their start value.
MessageBuildResult build(const MessageSpec &spec, DynamicContext *ctx = nullptr);

// What build() would send next, without changing ctx: the counter is not
// advanced and the random bytes shown are the ones the next build will draw.
MessageBuildResult preview(const MessageSpec &spec, const DynamicContext *ctx = nullptr);

// Editor content converted for a Text <-> Hex switch.
struct ContentConversion
{
    QString content; // the converted content (ok() only)

    // Hex -> text with escapes off only: the bytes need escape sequences to be
    // written as text (control characters, bytes invalid in the encoding).
    // content then holds the text written with escapes; it is exact only once
    // escapes are turned on. notice explains this to the user.
    bool needsEscapes = false;
    QString notice;

    qsizetype errorPosition = -1; // the source content does not parse; nothing converted
    qsizetype errorLength = 0;
    QString errorString;

    bool ok() const { return errorPosition < 0; }
};

// Text -> spaced hex of the encoded bytes (escapes applied). Fields stay as they
// are: they mean the same in hex mode. Line ending and checksum are not included.
ContentConversion textToHex(const MessageSpec &spec);
// Hex -> text in spec.encoding. Anything that does not decode to a character
// that re-encodes to the same bytes becomes \xNN, control characters become
// escapes, so that building the text gives exactly the original bytes.
ContentConversion hexToText(const MessageSpec &spec);

} // namespace sockscope
