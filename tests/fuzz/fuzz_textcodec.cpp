// Stateful text decoders (UTF-8, GBK/GB18030, Latin-1; every InvalidBytes style): the text
// depends only on the bytes, never on the chunking (one shot, byte by byte, random chunks,
// and a decoder reused after finish()); invalid byte counts agree; the Visible style shows no
// control characters and reads back to the exact bytes through parseEscapes(); valid text
// matches QString's own decoders; CharCarry + decodeRecord render every chunk exactly as the
// stream decoder does, whatever the bytes.
//
// Input: a mode byte (encoding = m % 3, style = m / 3 % 3), a 4-byte chunking seed, a max-chunk
// byte, then the bytes.
#include "fuzzcommon.h"

#include "core/codec/escapes.h"
#include "core/codec/textcodec.h"

#include <array>

using namespace sockscope;

namespace {

struct Decoded
{
    QString text;
    qint64 invalid = 0;
};

Decoded decodeChunks(StreamDecoder &d, const QList<QByteArray> &chunks)
{
    Decoded out;
    const qint64 before = d.invalidByteCount();
    for (const QByteArray &chunk : chunks) {
        d.decode(chunk, out.text);
        FUZZ_CHECK(d.pendingBytes() >= 0 && d.pendingBytes() <= 3);
    }
    d.finish(out.text);
    FUZZ_CHECK(d.pendingBytes() == 0);
    out.invalid = d.invalidByteCount() - before;
    return out;
}

QList<QByteArray> byteByByte(const QByteArray &bytes)
{
    QList<QByteArray> out;
    for (char c : bytes)
        out.append(QByteArray(1, c));
    return out;
}

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    fuzz::Input in(data, size);
    const uint8_t mode = in.byte();
    const Encoding encoding = std::array{Encoding::Utf8, Encoding::Gbk, Encoding::Latin1}[mode % 3];
    const InvalidBytes style = std::array{InvalidBytes::HexEscape, InvalidBytes::Replacement,
                                          InvalidBytes::Visible}[(mode / 3) % 3];
    fuzz::Chunker chunker(in.u32(), 1 + in.byte() % 16);
    const QByteArray bytes = in.rest();
    const auto name = [&] {
        return encodingName(encoding).toUtf8() + " style " + QByteArray::number(int(style)) +
               " bytes " + fuzz::show(bytes);
    };

    const QString oneShot = decodeText(bytes, encoding, style);

    StreamDecoder whole(encoding, style);
    const Decoded a = decodeChunks(whole, {bytes});
    FUZZ_CHECK_MSG(a.text == oneShot, name());

    StreamDecoder single(encoding, style);
    const Decoded b = decodeChunks(single, byteByByte(bytes));
    FUZZ_CHECK_MSG(b.text == oneShot,
                   name() + " byte-by-byte: " + fuzz::show(b.text) + " vs " + fuzz::show(oneShot));
    FUZZ_CHECK(b.invalid == a.invalid);

    StreamDecoder chunked(encoding, style);
    const Decoded c = decodeChunks(chunked, chunker.split(bytes));
    FUZZ_CHECK_MSG(c.text == oneShot,
                   name() + " chunked: " + fuzz::show(c.text) + " vs " + fuzz::show(oneShot));
    FUZZ_CHECK(c.invalid == a.invalid);

    // finish() leaves the decoder ready for a new stream; reset() mid-stream too.
    const Decoded again = decodeChunks(chunked, byteByByte(bytes));
    FUZZ_CHECK_MSG(again.text == oneShot && again.invalid == a.invalid, name());
    single.decode(bytes.left(bytes.size() / 2));
    single.reset();
    FUZZ_CHECK(single.pendingBytes() == 0);
    FUZZ_CHECK_MSG(decodeChunks(single, {bytes}).text == oneShot, name());

    if (encoding == Encoding::Latin1)
        FUZZ_CHECK(a.invalid == 0);

    switch (style) {
    case InvalidBytes::HexEscape:
        if (a.invalid == 0 && encoding == Encoding::Utf8)
            FUZZ_CHECK_MSG(oneShot == QString::fromUtf8(bytes), name());
        if (encoding == Encoding::Latin1)
            FUZZ_CHECK_MSG(oneShot == QString::fromLatin1(bytes), name());
        break;
    case InvalidBytes::Replacement:
        // One U+FFFD per invalid byte (plus any the stream itself encodes).
        FUZZ_CHECK_MSG(oneShot.count(QChar(0xFFFD)) >= a.invalid, name());
        break;
    case InvalidBytes::Visible: {
        for (QChar ch : oneShot)
            FUZZ_CHECK_MSG(!isControl(ch.unicode()), name());
        const EscapeParseResult parsed = parseEscapes(oneShot);
        FUZZ_CHECK_MSG(parsed.ok(), name() + " " + parsed.errorString.toUtf8());
        // Back to the exact bytes. (GBK: the 4-byte GB18030 forms and duplicate mappings
        // such as A2E3/80 for the euro sign do not encode back to the same bytes by design.)
        if (encoding != Encoding::Gbk) {
            QByteArray back;
            for (const EscapeSegment &seg : parsed.segments) {
                if (seg.kind == EscapeSegment::Kind::Bytes) {
                    back += seg.bytes;
                } else {
                    const EncodeResult enc = encodeText(seg.text, encoding);
                    FUZZ_CHECK_MSG(enc.ok(), name());
                    back += enc.bytes;
                }
            }
            FUZZ_CHECK_MSG(back == bytes, name() + " back " + fuzz::show(back));
        }
        break;
    }
    }

    // Rows rendered on their own with their carry-in (the log, exports, recording) read
    // exactly what one stream decoder gives for each chunk, invalid bytes included; what is
    // left held back at the end is what the decoder still holds.
    {
        CharCarry carry(encoding);
        StreamDecoder stream(encoding, style);
        QString joined;
        for (const QByteArray &chunk : chunker.split(bytes)) {
            const CarryIn cin = carry.feed(chunk);
            FUZZ_CHECK(cin.size <= 3);
            const QString record = decodeRecord(cin, chunk, encoding, style);
            const QString expected = stream.decode(chunk);
            FUZZ_CHECK_MSG(record == expected, name() + " record " + fuzz::show(record) +
                                                   " vs stream " + fuzz::show(expected));
            FUZZ_CHECK_MSG(carry.pending().size == stream.pendingBytes(), name());
            joined += record;
        }
        joined += stream.finish();
        FUZZ_CHECK_MSG(joined == oneShot, name() + " records: " + fuzz::show(joined));
    }

    // Whatever decodes without errors encodes back (UTF-8, Latin-1: to the same bytes).
    if (a.invalid == 0 && encoding != Encoding::Gbk && style == InvalidBytes::HexEscape) {
        const EncodeResult enc = encodeText(oneShot, encoding);
        FUZZ_CHECK_MSG(enc.ok() && enc.bytes == bytes, name());
    }
    return 0;
}
