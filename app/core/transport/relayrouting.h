#pragma once

#include "core/framing/framedecoder.h"
#include "core/session/frameroute.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace sockscope {

class RewriteRules;

// One frame of a relay side whose direction has rewrite rules (both relays' routeFrame()):
// decides what becomes of it and hands what goes on, with its delay, to `pass`. A piece of a
// frame cut by the max-frame guard, or a stream's unfinished tail, goes on unchanged (no rule
// sees it whole). *failure says why a replacement could not be made (the frame went on
// unchanged); empty otherwise.
FrameRoute routeRelayFrame(RewriteRules &rules, bool serverToClient, const Frame &frame,
                           quint32 partner,
                           const std::function<void(const QByteArray &, int)> &pass,
                           QString *failure);

} // namespace sockscope
