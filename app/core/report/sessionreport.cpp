#include "core/report/sessionreport.h"

#include "core/session/session.h"
#include "core/net/closereason.h"
#include "core/tls/certificatefingerprint.h"
#include "core/tls/certificateinfo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstring>

namespace sockscope {

QString isoLocalTime(qint64 usSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(usSinceEpoch / 1000).toString(Qt::ISODateWithMs);
}

void IsoTimeFormatter::append(qint64 usSinceEpoch, QByteArray &out)
{
    const qint64 ms = usSinceEpoch / 1000; // as isoLocalTime() rounds
    if (ms < 0) {
        out += isoLocalTime(usSinceEpoch).toUtf8(); // before 1970: not worth a fast path
        return;
    }
    const qint64 second = ms / 1000;
    if (second != m_second) {
        m_second = second;
        // The real conversion, at the second's start; the ".000" is what is written below.
        const QByteArray text = isoLocalTime(second * 1000 * 1000).toUtf8();
        m_fast = text.size() == TextSize && text.endsWith(".000");
        if (m_fast)
            std::memcpy(m_text, text.constData(), TextSize);
    }
    if (!m_fast) { // a shape not foreseen (a year past 9999): the slow way
        out += isoLocalTime(usSinceEpoch).toUtf8();
        return;
    }
    const int milli = int(ms - second * 1000);
    m_text[TextSize - 3] = char('0' + milli / 100);
    m_text[TextSize - 2] = char('0' + milli / 10 % 10);
    m_text[TextSize - 1] = char('0' + milli % 10);
    out.append(m_text, TextSize);
}

namespace {

void addClose(QJsonObject &c, const PeerInfo &p)
{
    c.insert(QStringLiteral("opened"), isoLocalTime(p.openedUs));
    if (p.isOpen()) {
        c.insert(QStringLiteral("closed"), QJsonValue::Null);
        c.insert(QStringLiteral("close_reason"), QJsonValue::Null);
    } else {
        c.insert(QStringLiteral("closed"), isoLocalTime(p.closedUs));
        c.insert(QStringLiteral("close_reason"), closeReasonName(p.closeReason));
    }
}

// What the peer's TLS handshake agreed on (issue #15's pinned fields); null for plaintext.
QJsonValue tlsEntry(const PeerInfo &p)
{
    if (!p.tls.active)
        return QJsonValue();
    const QSslCertificate certificate = p.tls.peerCertificate();
    return QJsonObject{
        {QStringLiteral("protocol"), p.tls.protocol},
        {QStringLiteral("cipher"), p.tls.cipher},
        {QStringLiteral("alpn"), p.tls.alpn.isEmpty() ? QJsonValue() : QJsonValue(p.tls.alpn)},
        {QStringLiteral("peer_subject"),
         certificate.isNull() ? QJsonValue() : QJsonValue(CertificateInfo(certificate).subject())},
        {QStringLiteral("peer_sha256"),
         certificate.isNull() ? QJsonValue() : QJsonValue(sha256Fingerprint(certificate))},
        {QStringLiteral("verify_errors"), QJsonArray::fromStringList(p.tls.verifyErrors)},
    };
}

QJsonObject connectionEntry(const Session &session, const PeerInfo &p)
{
    QJsonObject c{{QStringLiteral("peer"), p.endpoint()},
                  {QStringLiteral("rx_bytes"), p.rxBytes},
                  {QStringLiteral("tx_bytes"), p.txBytes},
                  {QStringLiteral("rx_frames"), p.rxFrames},
                  {QStringLiteral("tx_messages"), p.txMessages}};
    addClose(c, p);
    if (session.rxChecksum() != ChecksumKind::None)
        c.insert(QStringLiteral("checksum_errors"), p.checksumErrors);
    if (p.tls.active)
        c.insert(QStringLiteral("tls"), tlsEntry(p));
    return c;
}

// A relay pair, by its client side: what each side sent (and was passed on).
QJsonObject pairEntry(const Session &session, const PeerInfo &client)
{
    const PeerInfo *up = client.partner ? session.peer(client.partner) : nullptr;
    QJsonObject c{{QStringLiteral("peer"), client.endpoint()},
                  {QStringLiteral("upstream"), up ? QJsonValue(up->endpoint()) : QJsonValue()},
                  {QStringLiteral("c2s_bytes"), client.rxBytes},
                  {QStringLiteral("s2c_bytes"), up ? up->rxBytes : 0},
                  {QStringLiteral("c2s_frames"), client.rxFrames},
                  {QStringLiteral("s2c_frames"), up ? up->rxFrames : 0}};
    addClose(c, client);
    if (!client.isOpen())
        c.insert(QStringLiteral("close_text"), client.closeText);
    if (up) {
        c.insert(QStringLiteral("upstream_close_reason"),
                 up->isOpen() ? QJsonValue() : QJsonValue(closeReasonName(up->closeReason)));
    }
    if (session.rxChecksum() != ChecksumKind::None)
        c.insert(QStringLiteral("checksum_errors"),
                 client.checksumErrors + (up ? up->checksumErrors : 0));
    // Each side its own handshake: the client's with us, ours with the server.
    if (client.tls.active)
        c.insert(QStringLiteral("tls"), tlsEntry(client));
    if (up && up->tls.active)
        c.insert(QStringLiteral("upstream_tls"), tlsEntry(*up));
    return c;
}

} // namespace

QJsonObject sessionReport(const Session &session, const LagMeter::Stats &lag)
{
    const bool relay = session.mode() == Session::Mode::Relay;
    QJsonArray connections;
    for (quint32 id : session.peerIds()) {
        const PeerInfo *p = session.peer(id);
        if (!relay)
            connections.append(connectionEntry(session, *p));
        else if (!p->isUpstream())
            connections.append(pairEntry(session, *p));
    }
    QJsonObject report{
        {QStringLiteral("mode"), Session::modeName(session.mode())},
        {QStringLiteral("connections"), connections},
        {QStringLiteral("rx_bytes_total"), session.rxBytesTotal()},
        {QStringLiteral("tx_bytes_total"), session.txBytesTotal()},
        {QStringLiteral("rx_frames_total"), session.rxFramesTotal()},
        {QStringLiteral("peak_clients"), session.peakPeerCount()},
        {QStringLiteral("event_loop_lag_ms"),
         QJsonObject{{QStringLiteral("p50"), lag.p50Ms},
                     {QStringLiteral("p99"), lag.p99Ms},
                     {QStringLiteral("max"), lag.maxMs},
                     {QStringLiteral("samples"), lag.samples}}},
    };
    if (relay) {
        report.insert(QStringLiteral("c2s_bytes_total"),
                      session.rxBytesTotal() - session.rxUpstreamBytesTotal());
        report.insert(QStringLiteral("s2c_bytes_total"), session.rxUpstreamBytesTotal());
    }
    // Only the last Session::MaxClosedPeersKept closed connections are listed.
    if (session.prunedPeerCount() > 0)
        report.insert(QStringLiteral("connections_not_listed"), session.prunedPeerCount());
    return report;
}

bool writeReportFile(const QString &path, const QJsonObject &report, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace sockscope
