#pragma once

#include "core/codec/encoding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

class QStringDecoder;

namespace sockscope {

// How bytes that are not valid in the encoding appear in decoded text.
enum class InvalidBytes
{
    HexEscape,   // "\xFF" per byte: the exact bytes stay readable
    Replacement, // U+FFFD per byte
    // For display on one line: invalid bytes as "\xFF", and every character
    // escapeForDisplay() would escape escaped too (a backslash as "\\",
    // controls as \r \n \xNN ...), so the text reads back to the exact bytes
    // through parseEscapes() and nothing received can act on a terminal or widget.
    Visible,
};

// Stateful decoder for one stream (one connection, one direction).
// A multibyte character split across chunks comes out whole, exactly once,
// when its last byte arrives. Invalid bytes are never dropped: each one is
// rendered per InvalidBytes and counted.
//
// GBK decodes everything GB18030 defines: the 2-byte GBK/CP936 space, the
// 4-byte GB18030 forms (BMP and supplementary planes) and 0x80 as the euro
// sign, as Windows code page 936 does. Sequences are validated here and only
// well-formed runs are handed to ICU's GB18030 converter (through
// QStringDecoder), because ICU maps some malformed input to private-use
// characters without reporting an error.
class StreamDecoder
{
    Q_DISABLE_COPY_MOVE(StreamDecoder)

public:
    explicit StreamDecoder(Encoding encoding = Encoding::Utf8,
                           InvalidBytes invalid = InvalidBytes::HexEscape);
    ~StreamDecoder();

    Encoding encoding() const { return m_encoding; }

    // Decodes a chunk, appending complete characters to out. Bytes of a
    // character that is not complete yet are held back until the next call.
    void decode(QByteArrayView chunk, QString &out);
    QString decode(QByteArrayView chunk);

    // End of stream: held-back bytes can no longer complete, so they are
    // rendered as invalid. The decoder is ready for a new stream afterwards.
    void finish(QString &out);
    QString finish();

    void reset();

    qsizetype pendingBytes() const { return m_pendingSize; }
    qint64 invalidByteCount() const { return m_invalidBytes; }

private:
    class Output;
    qsizetype decodeUtf8(const uchar *p, qsizetype n, bool final, Output &out);
    qsizetype decodeGbk(const uchar *p, qsizetype n, bool final, Output &out);
    qsizetype decodeSome(const uchar *p, qsizetype n, bool final, Output &out);
    void emitInvalid(const uchar *p, qsizetype n, Output &out);
    void decodeGbkRun(const uchar *p, qsizetype n, Output &out);

    Encoding m_encoding;
    InvalidBytes m_invalidStyle;
    uchar m_pending[4] = {};
    qsizetype m_pendingSize = 0;
    qint64 m_invalidBytes = 0;
    std::unique_ptr<QStringDecoder> m_icu; // GB18030, fed only well-formed runs
};

// Up to three bytes of a character whose remaining bytes arrive in a later chunk.
struct CarryIn
{
    quint8 size = 0;
    char bytes[3] = {};
    QByteArrayView view() const { return QByteArrayView(bytes, size); }
};

// Tracks character boundaries of one stream without decoding it: for each
// chunk it returns the bytes carried in from the previous chunk (the start of
// a character the chunk completes). Cheap enough to run on every received
// chunk: O(1) for UTF-8, a structural scan without conversion for GBK, nothing
// for Latin-1. Whatever the bytes, invalid ones included, pending() holds what a
// StreamDecoder fed the same chunks holds back, so decodeRecord() of each chunk
// with its carry-in reads exactly what that decoder returns for the chunk.
class CharCarry
{
public:
    explicit CharCarry(Encoding encoding) : m_encoding(encoding) {}
    CarryIn feed(QByteArrayView chunk);
    CarryIn pending() const { return m_pending; }
    void reset() { m_pending = {}; }

private:
    Encoding m_encoding;
    CarryIn m_pending;
};

// Decodes one record rendered on its own: carry-in prepended, a trailing
// incomplete character held back (it shows in the next record).
QString decodeRecord(const CarryIn &carry, QByteArrayView bytes, Encoding encoding,
                     InvalidBytes invalid = InvalidBytes::HexEscape);

// One-shot decode of a complete byte sequence (decode + finish).
QString decodeText(QByteArrayView bytes, Encoding encoding,
                   InvalidBytes invalid = InvalidBytes::HexEscape);

// A character the target encoding cannot represent.
struct UnencodableChar
{
    qsizetype position = 0; // index in the source QString (UTF-16 units)
    char32_t codePoint = 0;
    bool operator==(const UnencodableChar &o) const
    {
        return position == o.position && codePoint == o.codePoint;
    }
};

// Result of encoding text for sending. Nothing is ever substituted with '?':
// when unencodable is non-empty the bytes must not be sent.
struct EncodeResult
{
    QByteArray bytes;
    QList<UnencodableChar> unencodable;
    bool ok() const { return unencodable.isEmpty(); }
    // "Character '😀' (U+1F600) at position 3 cannot be encoded in GBK." (first one, plus a count)
    QString errorString(Encoding encoding) const;
};

EncodeResult encodeText(QStringView text, Encoding encoding);

} // namespace sockscope
