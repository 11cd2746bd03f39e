#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace sockscope {

// How a byte stream is cut into frames. A plain value: the UI edits it, settings store it as
// toString(), the CLI parses it with parseFramingSpec(), and FrameDecoder executes it.
struct FramingSpec
{
    enum class Type
    {
        Raw,          // every read is one frame, as the socket delivered it
        Delimiter,    // frames end with a byte sequence
        FixedLength,  // every frame is fixedLength bytes
        LengthPrefix, // frames carry their own length in a 1/2/4-byte header
        IdleGap,      // a frame ends when the line has been quiet for idleGapMs
    };
    enum class Endian
    {
        Big,
        Little
    };

    static constexpr qsizetype DefaultMaxFrameSize = 1024 * 1024;
    // Upper bound for every size parameter: keeps arithmetic far from overflow and a single
    // frame buffer reasonable even when the user asks for something odd.
    static constexpr qsizetype MaxSizeLimit = 16 * 1024 * 1024;
    static constexpr qsizetype MaxDelimiterSize = 64;
    static constexpr qsizetype MaxHeaderOffset = 65535;
    static constexpr qint64 MaxLengthAdjustment = 65535;
    static constexpr qint64 MaxIdleGapMs = 3600 * 1000;

    Type type = Type::Raw;

    // Delimiter
    QByteArray delimiter;
    bool keepDelimiter = false;
    // "Line" mode: with delimiter "\n" this accepts both LF and CR LF line ends. Ignored when
    // keepDelimiter is set, since then the frame shows the exact bytes anyway.
    bool trimTrailingCr = false;

    // FixedLength
    qsizetype fixedLength = 0;

    // LengthPrefix. A frame is [headerOffset bytes][length field][body][trailer]:
    //   total = headerOffset + lengthSize + L + lengthAdjustment   (lengthIncludesHeader false)
    //   total = L + lengthAdjustment                                (lengthIncludesHeader true,
    //           L counts from the first byte of the frame, i.e. offset bytes and field included)
    // lengthAdjustment covers trailers the length does not count (a checksum: +2) or fields
    // it counts twice. Emitted frames always contain the header: we show bytes, not payloads.
    int lengthSize = 2; // 1, 2 or 4
    Endian endian = Endian::Big;
    bool lengthIncludesHeader = false;
    qsizetype headerOffset = 0;
    qint64 lengthAdjustment = 0;

    // IdleGap
    qint64 idleGapMs = 0;

    // No frame is buffered beyond this; longer ones are emitted in pieces (see Frame::Flag).
    qsizetype maxFrameSize = DefaultMaxFrameSize;

    static FramingSpec raw();
    static FramingSpec line();
    static FramingSpec delimited(const QByteArray &delimiter, bool keepDelimiter = false);
    static FramingSpec fixed(qsizetype length);
    static FramingSpec lengthPrefixed(int lengthSize, Endian endian = Endian::Big);
    static FramingSpec idleGap(qint64 ms);

    qsizetype headerSize() const { return headerOffset + lengthSize; }
    bool isLine() const { return type == Type::Delimiter && delimiter == "\n" && trimTrailingCr; }

    friend bool operator==(const FramingSpec &a, const FramingSpec &b);
    friend bool operator!=(const FramingSpec &a, const FramingSpec &b) { return !(a == b); }
};

// Empty when the spec is usable; otherwise a one-line reason such as
// "fixed: length must be 1..16777216".
QString validationError(const FramingSpec &spec);

// CLI / settings syntax, case-insensitive, options after the kind separated by ':':
//   raw | line | delim:HEX | fixed:N | len:1|2|4 | gap:MS
//   options: keep, trimcr (delim, line) · be, le, incl, off=N, adj=±N (len) · max=N (all)
// e.g. "line", "delim:0D0A:keep", "len:2:le:off=2:adj=2", "fixed:2000000" (a fixed length
// above the default maximum raises the maximum, so the frame is not cut).
// On failure returns false, leaves *spec untouched and sets *error.
bool parseFramingSpec(QStringView text, FramingSpec *spec, QString *error = nullptr);

// Canonical text for parseFramingSpec(): parseFramingSpec(toString(s)) == s for valid specs.
QString toString(const FramingSpec &spec);

// Short human-readable description for the UI and logs (translatable).
QString describe(const FramingSpec &spec);

} // namespace sockscope
