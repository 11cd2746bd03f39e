#pragma once

#include "core/session/session.h"
#include "core/session/sessionendpoint.h"

#include <QHostAddress>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace sockscope {

// Where a session listens or connects, and the button that does it. The
// button always reflects the session's real state (Listening…, Connected to
// X, the error text). Rarely used options sit in a compact expander.
class ConnectionBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBar)

public:
    using Endpoint = SessionEndpoint;

    explicit ConnectionBar(Session::Mode mode, QWidget *parent = nullptr);

    Endpoint endpoint() const;
    void setEndpoint(const Endpoint &endpoint);
    // "Listening on …", colour and button text follow the session's state.
    void showState(Session::State state, const QString &text);
    // False (with a reason) when the fields don't describe a usable endpoint.
    bool validate(QString *why) const;

    // TLS (TCP client, server, relay; DTLS on UDP): before a start, asks for the passphrase of each
    // encrypted key file the start loads (false: the user cancelled); it stays in memory until
    // forgetTlsPassphrase(), right after the session took the endpoint.
    bool askTlsPassphrase();
    void forgetTlsPassphrase();
    // endpoint() accepts the server's certificate errors (the next start: "Connect anyway this
    // time"); never saved, and the tab turns it off again after that start.
    void setTlsInsecureOnce(bool on);
    // The TLS options dialog (the bar's TLS… button).
    void openTlsOptions();

    // Local addresses offered in the combo: all IPv4, all IPv6 + IPv4,
    // loopback, and every interface address.
    static QList<QPair<QString, QHostAddress>> localAddressChoices();

signals:
    void startRequested();
    void stopRequested();
    // Fields an open session may take at once, without reopening (Session::updateLiveEndpoint):
    // the remote address or port, Broadcast, Reply to last sender.
    void liveFieldsEdited();
    // A relay's transport was picked, or a UDP tab's DTLS switched (by the user or
    // setEndpoint()): the tab may need a session of another class.
    void transportChanged();
    // Multicast group membership, applied at once.
    void joinGroupRequested(const QHostAddress &group, const QString &interfaceName);
    void leaveGroupRequested(const QHostAddress &group, const QString &interfaceName);
    // Certificates… (TLS kinds): the handshake and certificates of the peer and our own.
    void certificatesRequested();

private:
    void onButton();
    void buildServerRow(QHBoxLayout *row);
    void buildClientOrUdpRow(QHBoxLayout *row);
    void buildRelayRow(QHBoxLayout *row);
    QComboBox *buildTransport();
    void buildButtons(QHBoxLayout *row);
    QWidget *buildOptions();
    void buildServerOptions(QWidget *box, QHBoxLayout *row);
    void buildClientOptions(QWidget *box, QHBoxLayout *row);
    void buildUdpOptions(QWidget *box, QHBoxLayout *row);
    void buildRelayOptions(QWidget *box, QHBoxLayout *row);
    void buildTls(QHBoxLayout *row);
    void showTlsSummary();
    void showDtlsSummary();
    void showDtlsLimits();
    bool relayOverUdp() const;
    QComboBox *buildGroupInterfaces(QWidget *parent);

    Session::Mode m_mode;
    Session::State m_state = Session::State::Idle;
    QComboBox *m_local = nullptr;
    QSpinBox *m_localPort = nullptr;
    QLineEdit *m_host = nullptr;
    QComboBox *m_transport = nullptr; // relay: TCP or UDP
    QSpinBox *m_remotePort = nullptr;
    QPushButton *m_button = nullptr;
    QLabel *m_stateLabel = nullptr;
    QToolButton *m_optionsToggle = nullptr;
    QWidget *m_options = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QSpinBox *m_maxClients = nullptr;
    QCheckBox *m_broadcast = nullptr;
    QCheckBox *m_replyToLast = nullptr;
    QLineEdit *m_group = nullptr;
    QComboBox *m_groupInterface = nullptr;
    // UDP options that do not apply with DTLS (greyed while it is on).
    QList<QWidget *> m_plainUdpOnly;
    // TLS: the switch (client, server, UDP's DTLS; a relay's two are in the dialog), the
    // options, and what the dialog last said.
    QCheckBox *m_tlsSwitch = nullptr;
    QToolButton *m_tlsButton = nullptr;
    QToolButton *m_certificates = nullptr;
    TlsSettings m_tls;
    bool m_tlsInsecureOnce = false;
};

} // namespace sockscope
