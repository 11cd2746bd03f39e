#pragma once

#include "core/autoreply/autoreply.h"
#include "core/autoreply/rewriterules.h"
#include "core/codec/checksum.h"
#include "core/framing/framingspec.h"
#include "core/session/sessionendpoint.h"

#include <optional>

class QSettings;

namespace sockscope {

// What a session does with what it receives, as the user sets it per tab.
struct ReceiveSettings
{
    FramingSpec framing;
    // A relay's server→client framing, when it has one of its own (none: as `framing`).
    std::optional<FramingSpec> s2cFraming;
    ChecksumKind rxChecksum = ChecksumKind::None;
    bool echo = false;
    AutoReplyConfig rules;
    RewriteConfig rewrite; // a relay's rewrite rules, key "rewriteRules"
};

// A tab's endpoint and receive settings in the current QSettings group. The keys are the
// settings file's contract ("localAddress", "localPort", "remoteHost", "remotePort",
// "connectTimeoutMs", "autoReconnect", "maxClients", "broadcast", "replyToLast",
// "multicastGroup", "multicastInterface", "relayOverUdp", the TLS paths and switches "tlsEnabled",
// "tlsUpstream", "tlsCertFile", "tlsKeyFile", "tlsGenerateCert", "tlsCaFile", "tlsServerName",
// "tlsAlpn" (comma-separated), "tlsClientCertFile", "tlsClientKeyFile", "tlsClientCertificates"
// (none/optional/required) - never a passphrase nor "insecure"; "framing", "s2cFraming" (only when
// set; empty: none), "rxChecksum", "echo", "autoReply"); loading keeps the given value of
// every key that is missing or unreadable.
void saveEndpoint(QSettings &settings, const SessionEndpoint &endpoint);
SessionEndpoint loadEndpoint(const QSettings &settings, const SessionEndpoint &defaults);
void saveReceiveSettings(QSettings &settings, const ReceiveSettings &receive);
ReceiveSettings loadReceiveSettings(const QSettings &settings, const ReceiveSettings &defaults);

} // namespace sockscope
