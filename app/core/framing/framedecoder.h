#pragma once

#include "core/framing/framingspec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QtGlobal>

#include <utility>

namespace sockscope {

struct Frame
{
    enum Flag : quint8
    {
        NoFlags = 0,
        // Part of a frame longer than maxFrameSize. Every piece of such a frame carries it; all
        // pieces but the last are exactly maxFrameSize bytes.
        Oversized = 0x1,
        // Not the first piece of its frame (always together with Oversized).
        Continuation = 0x2,
        // The stream ended (finish()) before the frame was complete.
        Incomplete = 0x4,
        // Length prefix declared fewer bytes than the header itself; the header alone was
        // emitted so decoding can go on.
        Malformed = 0x8,
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    Frame() = default;
    Frame(QByteArray frameBytes, Flags frameFlags = {}, QByteArray strippedBytes = {})
        : bytes(std::move(frameBytes)), flags(frameFlags), stripped(std::move(strippedBytes))
    {}

    QByteArray bytes;
    Flags flags;
    // What the framing took off the end of this frame (a delimiter not kept, a trimmed CR):
    // bytes + stripped is exactly what arrived. Not part of the frame, so not compared.
    QByteArray stripped;

    friend bool operator==(const Frame &a, const Frame &b)
    {
        return a.flags == b.flags && a.bytes == b.bytes;
    }
    friend bool operator!=(const Frame &a, const Frame &b) { return !(a == b); }
};
Q_DECLARE_OPERATORS_FOR_FLAGS(Frame::Flags)

// Cuts one direction of one connection into frames as bytes arrive. Feed it every chunk the
// socket delivers; frames are appended to `out` as soon as they are complete.
//
// Guarantees: the frames (bytes and flags) depend only on the byte stream, never on how it
// was chunked - except for Raw (a frame per chunk by definition) and IdleGap (timing is the
// framing). No frame is buffered beyond spec.maxFrameSize bytes; a delimited frame may carry
// its kept delimiter on top. Cost is linear in the bytes fed, and frames wholly inside a chunk
// are copied once, straight from the chunk.
//
// A copyable value type on purpose: a session keeps one per connection and direction by value.
class FrameDecoder
{
public:
    // An invalid spec (see validationError()) falls back to Raw with a sane maximum rather than
    // misbehaving; callers are expected to validate user input first.
    explicit FrameDecoder(const FramingSpec &spec = FramingSpec());

    const FramingSpec &spec() const { return m_spec; }

    // nowMs is a monotonic timestamp (e.g. QElapsedTimer); only IdleGap looks at it.
    void feed(QByteArrayView chunk, qint64 nowMs, QList<Frame> &out);
    // The same; a raw chunk that fits in one frame is passed on without a copy (shared).
    void feedShared(const QByteArray &chunk, qint64 nowMs, QList<Frame> &out);

    // IdleGap: emits the pending frame once nowMs - (time of its last byte) >= idleGapMs.
    // Harmless to call early, late or in other modes.
    void flushIdle(qint64 nowMs, QList<Frame> &out);

    // When flushIdle() next has something to do, or -1 when nothing is pending (or the mode
    // has no idle timeout). Lets the caller arm one single-shot timer per connection.
    qint64 nextDeadlineMs() const;

    // Connection closed: pending bytes come out flagged Incomplete (IdleGap: unflagged, since
    // the end of the stream is as good a boundary as silence). Leaves the decoder reset.
    void finish(QList<Frame> &out);

    qsizetype pendingBytes() const { return m_buf.size(); }
    void reset();

private:
    void feedRaw(const char *data, qsizetype size, QList<Frame> &out);
    void feedDelimited(const char *data, qsizetype size, QList<Frame> &out);
    void feedCounted(const char *data, qsizetype size, QList<Frame> &out);
    void feedIdle(const char *data, qsizetype size, QList<Frame> &out);

    qsizetype completeCarried(const char *data, qsizetype size, QList<Frame> &out);
    qsizetype straddlingDelimiter(const char *next) const;
    void settleTinyChunk(QList<Frame> &out);
    void scanChunk(const char *data, qsizetype size, QList<Frame> &out);
    qsizetype scanPending();
    void emitDelimited(QByteArray &&content, QList<Frame> &out);
    void emitPiece(QByteArray &&bytes, bool frameDone, QList<Frame> &out);
    void emitPendingPiece(bool frameDone, QList<Frame> &out);
    void startCountedFrame();
    void readHeader(const char *header);
    // Flags of the next piece of the current frame: continuing a cut frame, or its first
    // piece, cut at the maximum (cut) or the whole frame (!cut).
    Frame::Flags pieceFlags(bool cut) const;
    Frame::Flags countedPieceFlags() const;

    FramingSpec m_spec;
    qsizetype m_max = FramingSpec::DefaultMaxFrameSize;
    QByteArray m_crDelimiter; // "\r" + delimiter: what a trimmed line end was

    // Bytes of the current frame (or current piece of an oversized one) not yet emitted.
    // Never holds more than one frame, so there is nothing to compact or shift.
    QByteArray m_buf;

    // An oversized frame is being emitted in pieces and the next piece continues it.
    bool m_continuing = false;

    // Delimiter: no delimiter starts before this offset in m_buf.
    qsizetype m_scanFrom = 0;

    // FixedLength / LengthPrefix: bytes of the current frame not yet received (not counting
    // m_buf). -1 while a length header is still incomplete.
    qint64 m_frameLeft = -1;
    bool m_frameOversized = false;
    bool m_frameMalformed = false;

    // IdleGap: arrival time of the newest byte.
    qint64 m_lastByteMs = 0;
};

} // namespace sockscope

Q_DECLARE_TYPEINFO(sockscope::Frame, Q_RELOCATABLE_TYPE);
