#pragma once

#include <QtGlobal>

namespace sockscope {

struct AutoReplyIssue;
struct RewriteConfig;

// What only a relay can do with a pair, by the peer id of one side: holding what that side
// sends (client side: client→server; upstream side: server→client). Session::relay() hands
// it out; the window and tests use it without knowing the relay's transport.
//
// Held bytes are logged as they arrive, counted in PeerInfo::heldBytes and kept, in order,
// until released or dropped. A TCP side's hold has a cap (HoldCap): past it, that side is no
// longer read from (TCP flow control holds it back) until the hold shrinks. A UDP side's
// datagrams past the cap are lost, as UDP loses them, and counted.
class RelayControl
{
public:
    static constexpr qint64 HoldCap = 4 << 20;

    // "Bad network" for one direction of every pair: each byte passed on this much later, and
    // no faster than this rate (0: no limit). What waits counts like a hold (HoldCap).
    struct Shaping
    {
        int latencyMs = 0;
        qint64 bytesPerSecond = 0;
        bool isActive() const { return latencyMs > 0 || bytesPerSecond > 0; }
    };
    static constexpr int MaxLatencyMs = 600000;
    virtual void setShaping(bool serverToClient, const Shaping &shaping) = 0;
    virtual Shaping shaping(bool serverToClient) const = 0;

    // Holds (true) what the side sends from now, or passes it on again (false): what was held
    // goes first, so nothing is reordered. A side's end of stream is held like its bytes.
    virtual void setHolding(quint32 side, bool hold) = 0;
    // Passes on what was held so far, in order; a hold in force stays.
    virtual void releaseHeld(quint32 side) = 0;
    // Discards what was held (logged with its size); a held end of stream is passed on.
    virtual void dropHeld(quint32 side) = 0;

    // Rewrite rules for both directions (core/autoreply/rewriterules.h): the first enabled
    // rule of a frame's direction that matches it replaces, drops or delays it. All or
    // nothing: false, with *error, leaves the rules as they were. While a direction has rules,
    // its bytes are passed on frame by frame as the framing completes them (a frame's partial
    // bytes wait for its end, or for the side's end of stream).
    virtual bool setRewriteRules(const RewriteConfig &config, AutoReplyIssue *error = nullptr) = 0;
    virtual const RewriteConfig &rewriteRules() const = 0;

protected:
    ~RelayControl() = default; // not deleted through this interface
};

} // namespace sockscope
