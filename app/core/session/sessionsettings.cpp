#include "core/session/sessionsettings.h"

#include <QSettings>

namespace sockscope {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

constexpr const char *kClientCertificateNames[] = {"none", "optional", "required"};

// Paths and switches only: a key's passphrase is never saved, and neither is "insecure" (going
// on despite a failed verification is a choice for one run, not a setting that sticks).
void saveTls(QSettings &s, const TlsSettings &t)
{
    s.setValue(key("tlsEnabled"), t.enabled);
    s.setValue(key("tlsUpstream"), t.upstream);
    s.setValue(key("tlsCertFile"), t.certFile);
    s.setValue(key("tlsKeyFile"), t.keyFile);
    s.setValue(key("tlsGenerateCert"), t.generateCertificate);
    s.setValue(key("tlsCaFile"), t.caFile);
    s.setValue(key("tlsServerName"), t.serverName);
    s.setValue(key("tlsAlpn"), t.alpn.join(u','));
    s.setValue(key("tlsClientCertFile"), t.clientCertFile);
    s.setValue(key("tlsClientKeyFile"), t.clientKeyFile);
    s.setValue(key("tlsClientCertificates"),
               QLatin1String(kClientCertificateNames[int(t.clientCertificates)]));
}

TlsSettings loadTls(const QSettings &s, const TlsSettings &defaults)
{
    TlsSettings t = defaults;
    t.enabled = s.value(key("tlsEnabled"), t.enabled).toBool();
    t.upstream = s.value(key("tlsUpstream"), t.upstream).toBool();
    t.certFile = s.value(key("tlsCertFile"), t.certFile).toString();
    t.keyFile = s.value(key("tlsKeyFile"), t.keyFile).toString();
    t.generateCertificate = s.value(key("tlsGenerateCert"), t.generateCertificate).toBool();
    t.caFile = s.value(key("tlsCaFile"), t.caFile).toString();
    t.serverName = s.value(key("tlsServerName"), t.serverName).toString();
    if (s.contains(key("tlsAlpn")))
        t.alpn = s.value(key("tlsAlpn")).toString().split(u',', Qt::SkipEmptyParts);
    t.clientCertFile = s.value(key("tlsClientCertFile"), t.clientCertFile).toString();
    t.clientKeyFile = s.value(key("tlsClientKeyFile"), t.clientKeyFile).toString();
    const QString mode = s.value(key("tlsClientCertificates")).toString();
    for (int i = 0; i < 3; ++i) {
        if (mode == QLatin1String(kClientCertificateNames[i]))
            t.clientCertificates = TlsSettings::ClientCertificates(i);
    }
    return t;
}

} // namespace

void saveEndpoint(QSettings &s, const SessionEndpoint &e)
{
    s.setValue(key("localAddress"), localAddressText(e.localAddress));
    s.setValue(key("localPort"), e.localPort);
    s.setValue(key("remoteHost"), e.remoteHost);
    s.setValue(key("remotePort"), e.remotePort);
    s.setValue(key("connectTimeoutMs"), e.connectTimeoutMs);
    s.setValue(key("autoReconnect"), e.autoReconnect);
    s.setValue(key("maxClients"), e.maxClients);
    s.setValue(key("broadcast"), e.broadcast);
    s.setValue(key("replyToLast"), e.replyToLast);
    s.setValue(key("multicastGroup"),
               e.multicastGroup.isNull() ? QString() : e.multicastGroup.toString());
    s.setValue(key("multicastInterface"), e.multicastInterface);
    s.setValue(key("relayOverUdp"), e.relayOverUdp);
    saveTls(s, e.tls);
}

SessionEndpoint loadEndpoint(const QSettings &s, const SessionEndpoint &defaults)
{
    SessionEndpoint e = defaults;
    if (s.contains(key("localAddress"))) {
        const QString text = s.value(key("localAddress")).toString();
        e.localAddress = text.isEmpty() ? QHostAddress() : parseLocalAddress(text);
        if (!text.isEmpty() && e.localAddress.isNull())
            e.localAddress = defaults.localAddress; // unreadable: keep the default
    }
    bool ok = false;
    if (const uint port = s.value(key("localPort")).toUInt(&ok); ok && port <= 65535)
        e.localPort = quint16(port);
    e.remoteHost = s.value(key("remoteHost"), e.remoteHost).toString();
    if (const uint port = s.value(key("remotePort")).toUInt(&ok); ok && port <= 65535)
        e.remotePort = quint16(port);
    if (const int ms = s.value(key("connectTimeoutMs")).toInt(&ok); ok && ms >= 0)
        e.connectTimeoutMs = ms;
    e.autoReconnect = s.value(key("autoReconnect"), e.autoReconnect).toBool();
    if (const int n = s.value(key("maxClients")).toInt(&ok); ok && n > 0)
        e.maxClients = n;
    e.broadcast = s.value(key("broadcast"), e.broadcast).toBool();
    e.replyToLast = s.value(key("replyToLast"), e.replyToLast).toBool();
    if (s.contains(key("multicastGroup")))
        e.multicastGroup = QHostAddress(s.value(key("multicastGroup")).toString());
    e.multicastInterface = s.value(key("multicastInterface"), e.multicastInterface).toString();
    e.relayOverUdp = s.value(key("relayOverUdp"), e.relayOverUdp).toBool();
    e.tls = loadTls(s, e.tls);
    return e;
}

void saveReceiveSettings(QSettings &s, const ReceiveSettings &r)
{
    s.setValue(key("framing"), toString(r.framing));
    if (r.s2cFraming) // none: no key (a tab's group is written afresh)
        s.setValue(key("s2cFraming"), toString(*r.s2cFraming));
    s.setValue(key("rxChecksum"), checksumId(r.rxChecksum));
    s.setValue(key("echo"), r.echo);
    s.setValue(key("autoReply"), QString::fromUtf8(AutoReplyRules::toJson(r.rules)));
    if (!r.rewrite.rules.isEmpty()) // a relay's; none: no key, as for s2cFraming
        s.setValue(key("rewriteRules"), QString::fromUtf8(RewriteRules::toJson(r.rewrite)));
}

ReceiveSettings loadReceiveSettings(const QSettings &s, const ReceiveSettings &defaults)
{
    ReceiveSettings r = defaults;
    FramingSpec spec;
    if (parseFramingSpec(s.value(key("framing")).toString(), &spec))
        r.framing = spec;
    if (s.contains(key("s2cFraming"))) {
        const QString text = s.value(key("s2cFraming")).toString();
        if (text.isEmpty())
            r.s2cFraming.reset();
        else if (parseFramingSpec(text, &spec))
            r.s2cFraming = spec;
    }
    ChecksumKind kind = ChecksumKind::None;
    if (checksumKindFromName(s.value(key("rxChecksum")).toString(), &kind))
        r.rxChecksum = kind;
    r.echo = s.value(key("echo"), r.echo).toBool();
    const QByteArray rules = s.value(key("autoReply")).toString().toUtf8();
    if (!rules.isEmpty()) {
        if (const auto config = AutoReplyRules::fromJson(rules))
            r.rules = *config;
    }
    const QByteArray rewrite = s.value(key("rewriteRules")).toString().toUtf8();
    if (!rewrite.isEmpty()) {
        if (const auto config = RewriteRules::fromJson(rewrite))
            r.rewrite = *config;
    }
    return r;
}

} // namespace sockscope
