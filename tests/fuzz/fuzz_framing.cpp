// Frame decoders: every framing kind with settings taken from the input (delimiter, keep /
// trim CR, fixed length, 1/2/4-byte length prefix big/little endian with or without the
// header counted, offset and adjustment, idle gap, maximum frame size), fed with random
// chunking. Frames and flags must not depend on the chunking (all at once, byte by byte,
// random chunks, a copy of the decoder taken mid-stream); Raw reproduces the chunks and
// IdleGap depends only on the bytes and their arrival times. Also: the frame bytes add up to
// the stream where the kind keeps every byte, pieces respect maxFrameSize, flags are
// consistent, and toString() -> parseFramingSpec() round-trips every valid spec.
//
// Input: the spec (see specFrom()), a 4-byte chunking seed, a max-chunk byte, a length byte
// and that many gap bytes (IdleGap arrival times), then the stream.
#include "fuzzcommon.h"

#include "core/framing/framedecoder.h"
#include "core/framing/framingspec.h"

using namespace sockscope;
using Type = FramingSpec::Type;

namespace {

FramingSpec specFrom(fuzz::Input &in)
{
    FramingSpec s;
    const uint8_t kind = in.byte();
    s.type = Type(kind % 5);
    const uint8_t maxChoice = in.byte();
    switch (maxChoice % 4) {
    case 0:
        s.maxFrameSize = FramingSpec::DefaultMaxFrameSize;
        break;
    case 1:
        s.maxFrameSize = in.range(1, 16);
        break;
    case 2:
        s.maxFrameSize = in.range(1, 4096);
        break;
    default:
        // Occasionally out of range: the decoder must fall back to Raw, not misbehave.
        s.maxFrameSize =
            (maxChoice & 0x80) ? in.range(-2, FramingSpec::MaxSizeLimit + 2) : in.range(1, 300);
        break;
    }
    switch (s.type) {
    case Type::Raw:
        break;
    case Type::Delimiter: {
        const uint8_t opts = in.byte();
        if (opts & 0x80) {
            s.delimiter = QByteArray("\n");
        } else {
            const qsizetype len = (opts & 0x40) ? in.range(0, 66) : in.range(1, 4);
            s.delimiter = in.bytes(len);
        }
        s.keepDelimiter = opts & 1;
        s.trimTrailingCr = opts & 2;
        break;
    }
    case Type::FixedLength: {
        const uint8_t opts = in.byte();
        s.fixedLength =
            (opts & 0x80) ? in.range(0, FramingSpec::MaxSizeLimit + 1) : in.range(1, 40);
        break;
    }
    case Type::LengthPrefix: {
        const uint8_t opts = in.byte();
        s.lengthSize = (opts & 0x80) ? int(in.range(0, 5)) : std::array{1, 2, 4}[opts % 3];
        s.endian = (opts & 8) ? FramingSpec::Endian::Little : FramingSpec::Endian::Big;
        s.lengthIncludesHeader = opts & 0x10;
        s.headerOffset =
            (opts & 0x20) ? in.range(0, 70000) : in.range(0, 4) * (opts & 0x40 ? 1 : 0);
        s.lengthAdjustment = (opts & 0x40) ? in.range(-70000, 70000) : in.range(-6, 6);
        break;
    }
    case Type::IdleGap:
        s.idleGapMs = in.range(0, 100);
        break;
    }
    return s;
}

struct Event
{
    QByteArray bytes;
    qint64 time = 0;
};

QList<Frame> run(const FramingSpec &spec, const QList<Event> &events, bool flushAtDeadlines,
                 int copyAt = -1)
{
    FrameDecoder d(spec);
    QList<Frame> out;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (i == copyAt) {
            FrameDecoder copy = d; // a value type: the copy carries on identically
            d = copy;
        }
        const Event &e = events.at(i);
        if (flushAtDeadlines) {
            const qint64 deadline = d.nextDeadlineMs();
            if (deadline >= 0 && deadline <= e.time)
                d.flushIdle(deadline, out);
            d.flushIdle(e.time, out); // early or on time: harmless either way
        }
        d.feed(e.bytes, e.time, out);
    }
    d.finish(out);
    FUZZ_CHECK(d.pendingBytes() == 0);
    FUZZ_CHECK(d.nextDeadlineMs() == -1);
    return out;
}

// Splits every event into smaller ones at the same time.
QList<Event> resplit(const QList<Event> &events, fuzz::Chunker &chunker)
{
    QList<Event> out;
    for (const Event &e : events)
        for (const QByteArray &piece : chunker.split(e.bytes))
            out.append({piece, e.time});
    return out;
}

QByteArray describeFrames(const QList<Frame> &frames)
{
    QByteArray out;
    for (const Frame &f : frames.mid(0, 20))
        out += "[" + f.bytes.left(24).toHex() + (f.bytes.size() > 24 ? "..." : "") + " f" +
               QByteArray::number(int(f.flags)) + "]";
    return out + (frames.size() > 20 ? "..." : "");
}

QByteArray concat(const QList<Frame> &frames)
{
    QByteArray out;
    for (const Frame &f : frames)
        out += f.bytes;
    return out;
}

void checkFlags(const FramingSpec &spec, const QList<Frame> &frames)
{
    const qsizetype extra =
        spec.type == Type::Delimiter && spec.keepDelimiter ? spec.delimiter.size() : 0;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const Frame &f = frames.at(i);
        FUZZ_CHECK(f.bytes.size() <= spec.maxFrameSize + extra);
        if (f.flags & Frame::Continuation)
            FUZZ_CHECK(f.flags & Frame::Oversized);
        if (f.flags & Frame::Incomplete)
            FUZZ_CHECK(i == frames.size() - 1);
        if (f.flags & Frame::Malformed)
            FUZZ_CHECK(spec.type == Type::LengthPrefix && f.bytes.size() <= spec.headerSize());
        if (spec.type != Type::Delimiter || spec.keepDelimiter)
            FUZZ_CHECK(!f.bytes.isEmpty());
        if (spec.type == Type::FixedLength && !(f.flags & (Frame::Incomplete | Frame::Oversized)))
            FUZZ_CHECK(f.bytes.size() == spec.fixedLength);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    fuzz::Input in(data, size);
    const FramingSpec spec = specFrom(in);
    fuzz::Chunker chunker(in.u32(), 1 + in.byte() % 32);
    const QByteArray timing = in.bytes(in.byte() % 16); // IdleGap: gaps between reads
    const QByteArray stream = in.rest();

    const bool valid = validationError(spec).isEmpty();
    if (valid) {
        FramingSpec parsed;
        QString error;
        const QString text = toString(spec);
        FUZZ_CHECK_MSG(parseFramingSpec(text, &parsed, &error),
                       text.toUtf8() + ": " + error.toUtf8());
        FUZZ_CHECK_MSG(parsed == spec, text.toUtf8() + " -> " + toString(parsed).toUtf8());
        FUZZ_CHECK(!describe(spec).isEmpty());
    }
    const FramingSpec effective = FrameDecoder(spec).spec();
    FUZZ_CHECK(valid ? effective == spec : effective.type == Type::Raw);
    FUZZ_CHECK(validationError(effective).isEmpty());

    // Reads at times taken from the input (time only matters for IdleGap).
    QList<Event> reads;
    {
        qint64 now = 1000;
        qsizetype t = 0;
        for (const QByteArray &chunk : chunker.split(stream)) {
            reads.append({chunk, now});
            if (!timing.isEmpty())
                now += uchar(timing.at(t++ % timing.size())) % 128;
        }
    }
    QList<Event> allAtOnce;
    if (!stream.isEmpty())
        allAtOnce.append({stream, 0});
    QList<Event> bytewise;
    for (char c : stream)
        bytewise.append({QByteArray(1, c), 0});

    const QList<Frame> reference = effective.type == Type::Raw || effective.type == Type::IdleGap
                                       ? run(spec, reads, true)
                                       : run(spec, allAtOnce, false);
    checkFlags(effective, reference);

    switch (effective.type) {
    case Type::Raw: {
        // A frame per read (or its maxFrameSize pieces), nothing held back.
        FUZZ_CHECK(concat(reference) == stream);
        qsizetype expected = 0;
        for (const Event &e : reads)
            expected += (e.bytes.size() + effective.maxFrameSize - 1) / effective.maxFrameSize;
        FUZZ_CHECK(reference.size() == expected);
        break;
    }
    case Type::IdleGap: {
        FUZZ_CHECK(concat(reference) == stream);
        // Splitting reads further (same arrival times), or skipping the timer, changes nothing.
        const QList<Frame> split = run(spec, resplit(reads, chunker), true);
        FUZZ_CHECK_MSG(split == reference,
                       describeFrames(reference) + " vs split " + describeFrames(split));
        FUZZ_CHECK(run(spec, reads, false) == reference);
        FUZZ_CHECK(run(spec, reads, true, int(reads.size() / 2)) == reference);
        break;
    }
    default: {
        if (effective.type != Type::Delimiter || effective.keepDelimiter)
            FUZZ_CHECK(concat(reference) == stream);
        const QList<Frame> chunked = run(spec, reads, false);
        FUZZ_CHECK_MSG(chunked == reference, toString(effective).toUtf8() + " " +
                                                 describeFrames(reference) + " vs chunked " +
                                                 describeFrames(chunked));
        const QList<Frame> single = run(spec, bytewise, false);
        FUZZ_CHECK_MSG(single == reference, toString(effective).toUtf8() + " " +
                                                describeFrames(reference) + " vs bytewise " +
                                                describeFrames(single));
        const QList<Frame> copied = run(spec, reads, false, int(reads.size() / 2));
        FUZZ_CHECK(copied == reference);
        break;
    }
    }
    return 0;
}
