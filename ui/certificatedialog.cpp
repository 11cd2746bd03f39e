#include "certificatedialog.h"

#include "core/session/session.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sockscope {

CertificateDialog::CertificateDialog(Session *session, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificates"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("certificateIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_panel = new CertificatePanel(this);
    m_panel->setObjectName(QStringLiteral("certificatePanel"));
    layout->addWidget(m_panel, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(640, 560);
    setSession(session);
}

void CertificateDialog::setSession(Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    // A handshake finishing (or a peer closing) changes what a followed peer shows.
    connect(session, &Session::peersUpdated, this, [this] {
        if (m_following && isVisible())
            refresh();
    });
    connect(session, &Session::stateChanged, this, [this] {
        if (m_following && isVisible())
            refresh();
    });
    if (m_following)
        refresh();
}

void CertificateDialog::followPeer(quint32 peerId)
{
    followPeer([peerId] { return peerId; });
}

void CertificateDialog::followPeer(std::function<quint32()> peer)
{
    m_following = true;
    m_peer = std::move(peer);
    refresh();
}

void CertificateDialog::showRefused(const TlsSessionInfo &refused)
{
    m_following = false;
    m_intro->setText(tr("The certificate the server showed, which was refused:"));
    CertificateSection s{tr("Refused by verification"), refused, false, tr("It showed none.")};
    s.info.active = false;
    QList<CertificateSection> sections{s};
    // The reasons first: they are why this window opened.
    if (!refused.verifyErrors.isEmpty()) {
        CertificateSection why{tr("Why"), TlsSessionInfo(), false, QString()};
        why.whenEmpty = refused.verifyErrors.join(QLatin1Char('\n'));
        sections.prepend(why);
    }
    m_panel->setSections(sections);
}

void CertificateDialog::refresh()
{
    if (!m_session)
        return;
    QList<CertificateSection> sections;
    const quint32 peer = m_peer ? m_peer() : 0;
    if (peer && m_session->peer(peer)) {
        m_intro->setText(m_session->mode() == Session::Mode::TcpClient
                             ? tr("The server's handshake and certificates, then our own.")
                             : tr("The selected peer's handshake and certificates, then our "
                                  "own."));
        sections = peerSections(m_session, peer);
    } else {
        m_intro->setText(m_session->mode() == Session::Mode::TcpClient
                             ? tr("Not connected to a server yet. Our own certificate:")
                             : tr("Select a peer to see its certificates. Our own:"));
    }
    sections << ownSection(m_session);
    m_panel->setSections(sections);
}

QList<CertificateSection> CertificateDialog::peerSections(const Session *session, quint32 peerId)
{
    const PeerInfo *p = session->peer(peerId);
    if (!p)
        return {};
    if (session->mode() != Session::Mode::Relay) {
        const QString heading = session->mode() == Session::Mode::TcpClient
                                    ? tr("Server %1").arg(p->endpoint())
                                    : tr("Client %1").arg(p->endpoint());
        return {
            {heading, p->tls, true, p->tls.active ? tr("It showed no certificate.") : QString()}};
    }
    // A pair: the client's side (its certificate only with mutual TLS), then the server's.
    const PeerInfo *client = p->isUpstream() ? session->peer(p->partner) : p;
    const PeerInfo *upstream = p->isUpstream() ? p : session->peer(p->partner);
    QList<CertificateSection> out;
    if (client)
        out.append({tr("Client %1 ↔ relay").arg(client->endpoint()), client->tls, true,
                    client->tls.active ? tr("The client showed no certificate.") : QString()});
    if (upstream)
        out.append({tr("Relay ↔ server %1").arg(upstream->endpoint()), upstream->tls, true,
                    upstream->tls.active ? tr("The server showed no certificate.") : QString()});
    else
        out.append({tr("Relay ↔ server"), TlsSessionInfo(), false,
                    tr("Not connected to the server (yet).")});
    return out;
}

CertificateSection CertificateDialog::ownSection(const Session *session)
{
    CertificateSection own{tr("Our certificate (shown to peers)"), TlsSessionInfo(), false,
                           tr("This session shows no certificate of its own.")};
    const QSslCertificate mine = session->tlsCertificate();
    if (!mine.isNull())
        own.info.peerChain = {mine};
    return own;
}

} // namespace sockscope
