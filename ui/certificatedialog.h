#pragma once

#include "certificatepanel.h"

#include <QDialog>

#include <functional>

class QLabel;

namespace sockscope {

class Session;

// A tab's certificate window (not modal): the selected peer's handshake and chain (a relay
// pair: both sides) followed by our own certificate, kept current while it is open; or a chain
// a client refused (the verification bar's "Show certificate").
class CertificateDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)

public:
    explicit CertificateDialog(Session *session, QWidget *parent = nullptr);

    void setSession(Session *session);
    // Follows this peer (0: none, our certificate only) until told otherwise.
    void followPeer(quint32 peerId);
    // Follows whichever peer this names at each refresh (the selection; a client's server).
    void followPeer(std::function<quint32()> peer);
    // Shows a refused chain (stops following).
    void showRefused(const TlsSessionInfo &refused);
    CertificatePanel *panel() const { return m_panel; }

    // What the panel shows for a peer of this session (a relay's pair: both sides) and for
    // our own certificate.
    static QList<CertificateSection> peerSections(const Session *session, quint32 peerId);
    static CertificateSection ownSection(const Session *session);

private:
    void refresh();

    Session *m_session = nullptr;
    std::function<quint32()> m_peer;
    bool m_following = true;
    QLabel *m_intro = nullptr;
    CertificatePanel *m_panel = nullptr;
};

} // namespace sockscope
