#include "connectionbar.h"

#include "sessionkinds.h"
#include "tlsdialog.h"
#include "tlsfilecheck.h"
#include "tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace sockscope {

namespace {

QSpinBox *portBox(QWidget *parent, const QString &name, int minimum)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, 65535);
    box->setAccelerated(true);
    return box;
}

} // namespace

QList<QPair<QString, QHostAddress>> ConnectionBar::localAddressChoices()
{
    QList<QPair<QString, QHostAddress>> out{
        {tr("0.0.0.0 (all IPv4 interfaces)"), QHostAddress(QHostAddress::AnyIPv4)},
        {tr(":: (all interfaces, IPv6 and IPv4)"), QHostAddress(QHostAddress::Any)},
        {tr("[::] (all interfaces, IPv6 only)"), QHostAddress(QHostAddress::AnyIPv6)},
        {tr("127.0.0.1 (this machine only)"), QHostAddress(QHostAddress::LocalHost)},
        {tr("::1 (this machine only, IPv6)"), QHostAddress(QHostAddress::LocalHostIPv6)},
    };
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        if (!(iface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (a.isLoopback())
                continue;
            out.append({QStringLiteral("%1 (%2)").arg(a.toString(), iface.humanReadableName()), a});
        }
    }
    return out;
}

ConnectionBar::ConnectionBar(Session::Mode mode, QWidget *parent) : QWidget(parent), m_mode(mode)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    outer->addLayout(row);

    m_local = new QComboBox(this);
    m_local->setObjectName(QStringLiteral("localAddress"));
    m_local->setEditable(true);
    m_local->setInsertPolicy(QComboBox::NoInsert);
    m_local->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_local->setMinimumContentsLength(16);
    if (m_mode == Session::Mode::TcpClient)
        m_local->addItem(tr("(automatic)"), QString());
    for (const auto &choice : localAddressChoices())
        m_local->addItem(choice.first, localAddressText(choice.second));
    m_localPort = portBox(this, QStringLiteral("localPort"), 0);

    switch (mode) {
    case Session::Mode::TcpServer:
        buildServerRow(row);
        break;
    case Session::Mode::TcpClient:
    case Session::Mode::Udp:
        buildClientOrUdpRow(row);
        break;
    case Session::Mode::Relay:
        buildRelayRow(row);
        break;
    }
    buildTls(row);
    buildButtons(row);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setWordWrap(true);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateLabel, 1);
    if (m_tlsButton) { // beside the state: what the handshake brought
        m_certificates = new QToolButton(this);
        m_certificates->setObjectName(QStringLiteral("showCertificates"));
        m_certificates->setText(tr("Certificates…"));
        m_certificates->setToolTip(tr("The handshake and certificate chain of the selected "
                                      "peer (the server, for a client), and our own "
                                      "certificate."));
        connect(m_certificates, &QToolButton::clicked, this, &ConnectionBar::certificatesRequested);
        stateRow->addWidget(m_certificates, 0, Qt::AlignTop);
        showTlsSummary();
    }
    outer->addLayout(stateRow);

    m_options = buildOptions();
    m_options->setVisible(false);
    outer->addWidget(m_options);
    showDtlsLimits();
    connect(m_optionsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_options->setVisible(on);
        m_optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    showState(Session::State::Idle, QString());
}

// Server: the address and port to listen on.
void ConnectionBar::buildServerRow(QHBoxLayout *row)
{
    auto *l = new QLabel(tr("&Listen on"), this);
    l->setBuddy(m_local);
    row->addWidget(l);
    row->addWidget(m_local, 2);
    auto *p = new QLabel(tr("&Port"), this);
    p->setBuddy(m_localPort);
    row->addWidget(p);
    row->addWidget(m_localPort);
    m_localPort->setValue(9000);
    m_local->setToolTip(tr("The address to listen on. 0.0.0.0 accepts connections from "
                           "every network; 127.0.0.1 only from this machine."));
    m_localPort->setToolTip(tr("The TCP port to listen on (0: any free port)."));
}

// Client: the server to connect to. UDP: the local address and port, and the default target.
void ConnectionBar::buildClientOrUdpRow(QHBoxLayout *row)
{
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("remoteHost"));
    m_host->setPlaceholderText(tr("host name or address"));
    m_host->setText(QStringLiteral("127.0.0.1"));
    m_remotePort =
        portBox(this, QStringLiteral("remotePort"), m_mode == Session::Mode::TcpClient ? 1 : 0);
    m_remotePort->setValue(9000);
    if (m_mode == Session::Mode::Udp) {
        auto *l = new QLabel(tr("&Local address"), this);
        l->setBuddy(m_local);
        row->addWidget(l);
        row->addWidget(m_local, 2);
        auto *p = new QLabel(tr("P&ort"), this);
        p->setBuddy(m_localPort);
        row->addWidget(p);
        row->addWidget(m_localPort);
        // Not a fixed port: 8888 is where the classic lesson's receiver listens, and a
        // tab holding it would steal its datagrams. The port in use is shown once open.
        m_localPort->setValue(0);
        m_localPort->setSpecialValueText(tr("any"));
        m_local->setToolTip(tr("Local address for the UDP socket."));
        m_localPort->setToolTip(tr("Local UDP port (any: a free port, shown below and in "
                                   "the tab's title once the socket is open)."));
    }
    auto *h = new QLabel(m_mode == Session::Mode::TcpClient ? tr("&Server") : tr("&Remote"), this);
    h->setBuddy(m_host);
    row->addWidget(h);
    row->addWidget(m_host, 2);
    row->addWidget(m_remotePort);
    m_host->setToolTip(m_mode == Session::Mode::TcpClient
                           ? tr("The server to connect to: a host name, IPv4 or IPv6 address.")
                           : tr("Default target for datagrams (optional)."));
    m_remotePort->setToolTip(tr("The remote port."));
    connect(m_host, &QLineEdit::textChanged, this, &ConnectionBar::liveFieldsEdited);
    connect(m_remotePort, &QSpinBox::valueChanged, this, &ConnectionBar::liveFieldsEdited);
}

// Relay: where clients connect, the server they are passed on to, and over what.
void ConnectionBar::buildRelayRow(QHBoxLayout *row)
{
    auto *l = new QLabel(tr("&Listen on"), this);
    l->setBuddy(m_local);
    row->addWidget(l);
    row->addWidget(m_local, 2);
    auto *p = new QLabel(tr("&Port"), this);
    p->setBuddy(m_localPort);
    row->addWidget(p);
    row->addWidget(m_localPort);
    m_localPort->setValue(9000);
    m_local->setToolTip(tr("The address the device (the client) connects to instead of its "
                           "server."));
    m_localPort->setToolTip(tr("The port the device connects to (0: any free port)."));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("remoteHost"));
    m_host->setPlaceholderText(tr("host name or address"));
    m_host->setText(QStringLiteral("127.0.0.1"));
    m_host->setToolTip(tr("The real server: every client is passed on to it."));
    m_remotePort = portBox(this, QStringLiteral("remotePort"), 1);
    m_remotePort->setValue(9001);
    m_remotePort->setToolTip(tr("The real server's port."));
    auto *h = new QLabel(tr("→ &Server"), this);
    h->setBuddy(m_host);
    row->addWidget(h);
    row->addWidget(m_host, 2);
    row->addWidget(m_remotePort);
    row->addWidget(buildTransport());
}

QComboBox *ConnectionBar::buildTransport()
{
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("relayTransport"));
    m_transport->addItem(tr("TCP"), false);
    m_transport->addItem(tr("UDP"), true);
    m_transport->setToolTip(tr("TCP: each client connection gets its own connection to the "
                               "server. UDP: each client address gets its own socket towards "
                               "the server (like a NAT)."));
    connect(m_transport, &QComboBox::currentIndexChanged, this, &ConnectionBar::transportChanged);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        if (m_tlsButton) {
            m_tlsButton->setEnabled(!relayOverUdp() && m_transport->isEnabled());
            showTlsSummary();
        }
    });
    return m_transport;
}

bool ConnectionBar::relayOverUdp() const
{
    return m_transport && m_transport->currentData().toBool();
}

// TLS: a switch and TLS… (client, server), or TLS… with both sides' switches inside (relay).
// UDP: DTLS, the same way.
void ConnectionBar::buildTls(QHBoxLayout *row)
{
    if (m_mode == Session::Mode::Udp) {
        m_tlsSwitch = new QCheckBox(tr("DTLS"), this);
        m_tlsSwitch->setObjectName(QStringLiteral("tlsEnabled"));
        m_tlsSwitch->setToolTip(tr("Datagrams over DTLS: as a server with our certificate, or "
                                   "as a client of the remote target (DTLS…); the log shows "
                                   "the decrypted data."));
        row->addWidget(m_tlsSwitch);
        connect(m_tlsSwitch, &QCheckBox::toggled, this, &ConnectionBar::showTlsSummary);
        // Plain UDP and DTLS are different sessions: the tab makes the one that fits.
        connect(m_tlsSwitch, &QCheckBox::toggled, this, &ConnectionBar::transportChanged);
        connect(m_tlsSwitch, &QCheckBox::toggled, this, &ConnectionBar::showDtlsLimits);
    } else if (m_mode != Session::Mode::Relay) {
        m_tlsSwitch = new QCheckBox(tr("TLS"), this);
        m_tlsSwitch->setObjectName(QStringLiteral("tlsEnabled"));
        m_tlsSwitch->setToolTip(m_mode == Session::Mode::TcpServer
                                    ? tr("Accept TLS connections (certificate in TLS…); the "
                                         "log shows the decrypted data.")
                                    : tr("Connect with TLS, verifying the server (TLS…); the "
                                         "log shows the decrypted data."));
        row->addWidget(m_tlsSwitch);
        connect(m_tlsSwitch, &QCheckBox::toggled, this, &ConnectionBar::showTlsSummary);
    }
    m_tlsButton = new QToolButton(this);
    m_tlsButton->setObjectName(QStringLiteral("tlsOptions"));
    m_tlsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_tlsButton, &QToolButton::clicked, this, &ConnectionBar::openTlsOptions);
    row->addWidget(m_tlsButton);
    showTlsSummary();
}

// The button says what is on; a relay has no switch in the bar, so its button shows "on"
// (pressed) when either side is, and its tooltip says which. Short words: a relay's row is
// full at 900 px.
void ConnectionBar::showTlsSummary()
{
    if (!m_tlsButton)
        return;
    if (m_mode == Session::Mode::Udp) {
        showDtlsSummary();
        return;
    }
    m_tlsButton->setText(tr("TLS…"));
    QString tip = m_mode == Session::Mode::TcpServer ? tr("Certificate, key and client "
                                                          "certificates for TLS.")
                  : m_mode == Session::Mode::TcpClient
                      ? tr("How the server is verified (CA file, server name), ALPN and a "
                           "client certificate.")
                      : QString();
    if (m_mode == Session::Mode::Relay) {
        m_tlsButton->setCheckable(true);
        m_tlsButton->setChecked(m_tls.any());
        tip = m_tls.enabled && m_tls.upstream ? tr("TLS on both sides: towards clients "
                                                   "(terminated with our certificate) and "
                                                   "towards the upstream server.")
              : m_tls.enabled  ? tr("TLS towards clients (terminated with our certificate); "
                                     "plain towards the upstream server.")
              : m_tls.upstream ? tr("Plain towards clients; TLS towards the upstream server.")
                               : tr("TLS is off on both sides. Click to choose: towards "
                                    "clients, towards the upstream server, or both.");
        if (relayOverUdp())
            tip = tr("TLS applies to a TCP relay.");
    }
    m_tlsButton->setToolTip(tip);
    if (m_certificates)
        m_certificates->setVisible(endpoint().tls.any());
}

// DTLS…'s tooltip says the role the settings give (DtlsSession decides it the same way).
void ConnectionBar::showDtlsSummary()
{
    m_tlsButton->setText(tr("DTLS…"));
    m_tlsButton->setToolTip(m_tls.hasOwnCertificate()
                                ? tr("DTLS server: our certificate, and what clients must show.")
                                : tr("DTLS client of the remote target: how the server is "
                                     "verified, and a client certificate."));
    if (m_certificates)
        m_certificates->setVisible(endpoint().tls.enabled);
}

// What plain UDP has and DTLS does not: broadcast, replying to the last sender, multicast
// (a DTLS session ignores them). They are kept, greyed, for when DTLS is off again.
void ConnectionBar::showDtlsLimits()
{
    if (m_mode != Session::Mode::Udp)
        return;
    const bool dtls = m_tlsSwitch->isChecked();
    for (QWidget *w : std::as_const(m_plainUdpOnly)) {
        w->setEnabled(!dtls);
        w->setToolTip(dtls ? tr("Plain UDP only: not with DTLS.")
                           : w->property("plainTip").toString());
    }
}

void ConnectionBar::openTlsOptions()
{
    TlsDialog dialog(m_mode, this);
    dialog.setSettings(endpoint().tls, m_host ? m_host->text().trimmed() : QString());
    if (dialog.exec() != QDialog::Accepted) {
        showTlsSummary(); // a relay's button toggled by the click: back to what is on
        return;
    }
    const bool on = m_tlsSwitch ? m_tlsSwitch->isChecked() : false;
    m_tls = dialog.settings();
    m_tls.keyPassphrase.clear();
    if (m_tlsSwitch)
        m_tls.enabled = on; // the bar's switch decides
    showTlsSummary();
}

bool ConnectionBar::askTlsPassphrase()
{
    m_tls.keyPassphrase.clear();
    const Endpoint e = endpoint();
    for (const QString &key : TlsFileCheck::keyFilesUsed(e.tls, m_mode)) {
        if (!TlsFileCheck::keyIsEncrypted(key))
            continue;
        bool ok = false;
        const QString pass = QInputDialog::getText(
            this, tr("Key passphrase"),
            tr("The key file %1 is encrypted. Its passphrase (used for this start only, never "
               "saved):")
                .arg(QDir::toNativeSeparators(key)),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
        m_tls.keyPassphrase = pass.toUtf8();
        break; // one passphrase per start (TlsSettings holds one)
    }
    return true;
}

void ConnectionBar::forgetTlsPassphrase()
{
    m_tls.keyPassphrase.fill('\0');
    m_tls.keyPassphrase.clear();
}

void ConnectionBar::setTlsInsecureOnce(bool on)
{
    m_tlsInsecureOnce = on;
}

// Start/stop and the options toggle.
void ConnectionBar::buildButtons(QHBoxLayout *row)
{
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("startButton"));
    m_button->setDefault(false);
    m_button->setMinimumWidth(m_button->fontMetrics().horizontalAdvance(tr("Disconnect")) + 32);
    connect(m_button, &QPushButton::clicked, this, &ConnectionBar::onButton);
    row->addWidget(m_button);

    m_optionsToggle = new QToolButton(this);
    m_optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    m_optionsToggle->setText(tr("Options"));
    m_optionsToggle->setCheckable(true);
    m_optionsToggle->setArrowType(Qt::RightArrow);
    m_optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_optionsToggle->setToolTip(tr("Show connection options"));
    row->addWidget(m_optionsToggle);
}

QWidget *ConnectionBar::buildOptions()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("connectionOptions"));
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    switch (m_mode) {
    case Session::Mode::TcpServer:
        buildServerOptions(box, row);
        break;
    case Session::Mode::TcpClient:
        buildClientOptions(box, row);
        break;
    case Session::Mode::Udp:
        buildUdpOptions(box, row);
        break;
    case Session::Mode::Relay:
        buildRelayOptions(box, row);
        break;
    }
    row->addStretch();
    return box;
}

void ConnectionBar::buildServerOptions(QWidget *box, QHBoxLayout *row)
{
    m_maxClients = new QSpinBox(box);
    m_maxClients->setObjectName(QStringLiteral("maxClients"));
    m_maxClients->setRange(1, 100000);
    m_maxClients->setValue(10000);
    m_maxClients->setToolTip(tr("Connections beyond this number are refused and logged."));
    row->addWidget(new QLabel(tr("Max clients"), box));
    row->addWidget(m_maxClients);
}

// The server's: the connect timeout (TCP) and the most clients at once.
void ConnectionBar::buildRelayOptions(QWidget *box, QHBoxLayout *row)
{
    m_timeout = new QSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setRange(100, 120000);
    m_timeout->setSingleStep(500);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setValue(5000);
    m_timeout->setToolTip(tr("Give up connecting to the server after this long; the client "
                             "is then closed with the reason (TCP only)."));
    auto *timeoutLabel = new QLabel(tr("Connect timeout"), box);
    row->addWidget(timeoutLabel);
    row->addWidget(m_timeout);
    // UDP connects to nothing: the timeout does not apply there.
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this, timeoutLabel] {
        timeoutLabel->setEnabled(!relayOverUdp());
        m_timeout->setEnabled(!relayOverUdp() && m_transport->isEnabled());
    });
    buildServerOptions(box, row);
    m_maxClients->setToolTip(tr("Clients beyond this number are refused and logged."));
}

// Timeout, reconnect and the local end to bind (moved here from the main row).
void ConnectionBar::buildClientOptions(QWidget *box, QHBoxLayout *row)
{
    m_timeout = new QSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setRange(100, 120000);
    m_timeout->setSingleStep(500);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setValue(5000);
    m_timeout->setToolTip(tr("Give up connecting after this long."));
    row->addWidget(new QLabel(tr("Timeout"), box));
    row->addWidget(m_timeout);
    m_reconnect = new QCheckBox(tr("Auto-reconnect"), box);
    m_reconnect->setObjectName(QStringLiteral("autoReconnect"));
    m_reconnect->setToolTip(tr("Reconnect after a failure or a close by the server, "
                               "waiting longer each time (up to 30 s)."));
    row->addWidget(m_reconnect);
    row->addWidget(new QLabel(tr("Local port"), box));
    row->addWidget(m_localPort);
    m_localPort->setValue(0);
    m_localPort->setToolTip(tr("Bind this local port before connecting (0: automatic)."));
    row->addWidget(m_local, 1);
}

// Broadcast, reply-to-last and multicast group membership.
void ConnectionBar::buildUdpOptions(QWidget *box, QHBoxLayout *row)
{
    m_broadcast = new QCheckBox(tr("Broadcast"), box);
    m_broadcast->setObjectName(QStringLiteral("broadcast"));
    m_broadcast->setToolTip(tr("Allow sending to broadcast addresses such as "
                               "255.255.255.255. Applies at once, also while open."));
    connect(m_broadcast, &QCheckBox::toggled, this, &ConnectionBar::liveFieldsEdited);
    row->addWidget(m_broadcast);
    m_replyToLast = new QCheckBox(tr("Reply to last sender"), box);
    m_replyToLast->setObjectName(QStringLiteral("replyToLast"));
    m_replyToLast->setToolTip(tr("Send to whoever sent the last datagram instead of the "
                                 "remote address."));
    connect(m_replyToLast, &QCheckBox::toggled, this, &ConnectionBar::liveFieldsEdited);
    row->addWidget(m_replyToLast);
    m_group = new QLineEdit(box);
    m_group->setObjectName(QStringLiteral("multicastGroup"));
    m_group->setPlaceholderText(tr("e.g. 239.1.2.3"));
    m_group->setToolTip(tr("Multicast group to join when the socket opens."));
    row->addWidget(new QLabel(tr("Multicast group"), box));
    row->addWidget(m_group);
    row->addWidget(buildGroupInterfaces(box));
    auto *join = new QToolButton(box);
    join->setObjectName(QStringLiteral("joinGroup"));
    join->setText(tr("Join"));
    // Any address goes to the session, which says why a join cannot work.
    connect(join, &QToolButton::clicked, this, [this] {
        const QHostAddress g(m_group->text().trimmed());
        if (!g.isNull())
            emit joinGroupRequested(g, m_groupInterface->currentData().toString());
    });
    auto *leave = new QToolButton(box);
    leave->setObjectName(QStringLiteral("leaveGroup"));
    leave->setText(tr("Leave"));
    connect(leave, &QToolButton::clicked, this, [this] {
        const QHostAddress g(m_group->text().trimmed());
        if (!g.isNull())
            emit leaveGroupRequested(g, m_groupInterface->currentData().toString());
    });
    row->addWidget(join);
    row->addWidget(leave);
    m_plainUdpOnly = {m_broadcast, m_replyToLast, m_group, m_groupInterface, join, leave};
    for (QWidget *w : std::as_const(m_plainUdpOnly))
        w->setProperty("plainTip", w->toolTip());
}

QComboBox *ConnectionBar::buildGroupInterfaces(QWidget *parent)
{
    m_groupInterface = new QComboBox(parent);
    m_groupInterface->setObjectName(QStringLiteral("multicastInterface"));
    m_groupInterface->setToolTip(tr("The network interface to join the group on. Choose the "
                                    "one the group's datagrams arrive on."));
    m_groupInterface->addItem(tr("Default interface"), QString());
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        // The loopback interface rarely says CanMulticast, yet joins on it work (tests,
        // several programs on one machine).
        if ((flags & QNetworkInterface::IsUp) &&
            (flags & (QNetworkInterface::CanMulticast | QNetworkInterface::IsLoopBack)))
            m_groupInterface->addItem(iface.humanReadableName(), iface.name());
    }
    return m_groupInterface;
}

ConnectionBar::Endpoint ConnectionBar::endpoint() const
{
    Endpoint e;
    QString local = m_local->currentData().toString();
    if (m_local->currentText() != m_local->itemText(m_local->currentIndex()))
        local = m_local->currentText().section(QLatin1Char(' '), 0, 0); // typed by hand
    e.localAddress = local.isEmpty() ? QHostAddress() : parseLocalAddress(local);
    e.localPort = quint16(m_localPort->value());
    if (m_host) {
        e.remoteHost = m_host->text().trimmed();
        e.remotePort = quint16(m_remotePort->value());
    }
    if (m_timeout)
        e.connectTimeoutMs = m_timeout->value();
    e.relayOverUdp = relayOverUdp();
    if (m_reconnect)
        e.autoReconnect = m_reconnect->isChecked();
    if (m_maxClients)
        e.maxClients = m_maxClients->value();
    if (m_broadcast)
        e.broadcast = m_broadcast->isChecked();
    if (m_replyToLast)
        e.replyToLast = m_replyToLast->isChecked();
    if (m_group) {
        e.multicastGroup = QHostAddress(m_group->text().trimmed());
        e.multicastInterface = m_groupInterface->currentData().toString();
    }
    if (m_tlsButton) {
        e.tls = m_tls;
        if (m_tlsSwitch)
            e.tls.enabled = m_tlsSwitch->isChecked();
        if (relayOverUdp()) // a UDP relay has no TLS (DTLS is the UDP tab's)
            e.tls.enabled = e.tls.upstream = false;
        if (m_tlsInsecureOnce)
            e.tls.insecure = true;
    }
    return e;
}

void ConnectionBar::setEndpoint(const Endpoint &e)
{
    const QString local = localAddressText(e.localAddress);
    const int idx = m_local->findData(local);
    if (idx >= 0)
        m_local->setCurrentIndex(idx);
    else
        m_local->setEditText(local);
    m_localPort->setValue(e.localPort);
    if (m_host) {
        m_host->setText(e.remoteHost);
        m_remotePort->setValue(e.remotePort);
    }
    if (m_timeout)
        m_timeout->setValue(e.connectTimeoutMs);
    if (m_transport)
        m_transport->setCurrentIndex(m_transport->findData(e.relayOverUdp));
    if (m_reconnect)
        m_reconnect->setChecked(e.autoReconnect);
    if (m_maxClients)
        m_maxClients->setValue(e.maxClients);
    if (m_broadcast)
        m_broadcast->setChecked(e.broadcast);
    if (m_replyToLast)
        m_replyToLast->setChecked(e.replyToLast);
    if (m_group) {
        m_group->setText(e.multicastGroup.isNull() ? QString() : e.multicastGroup.toString());
        // An interface that has gone since is kept by name, so the join says it is missing.
        int idx = m_groupInterface->findData(e.multicastInterface);
        if (idx < 0) {
            m_groupInterface->addItem(e.multicastInterface, e.multicastInterface);
            idx = m_groupInterface->count() - 1;
        }
        m_groupInterface->setCurrentIndex(idx);
    }
    if (m_tlsButton) {
        m_tls = e.tls;
        if (m_tlsSwitch)
            m_tlsSwitch->setChecked(e.tls.enabled);
        showTlsSummary();
    }
}

bool ConnectionBar::validate(QString *why) const
{
    const Endpoint e = endpoint();
    if (m_mode != Session::Mode::TcpClient && e.localAddress.isNull()) {
        *why = tr("\"%1\" is not a local IP address.").arg(m_local->currentText());
        return false;
    }
    if ((m_mode == Session::Mode::TcpClient || m_mode == Session::Mode::Relay) &&
        e.remoteHost.isEmpty()) {
        *why = tr("Enter the server's host name or address.");
        return false;
    }
    if (m_mode == Session::Mode::Udp && e.tls.enabled && !e.tls.hasOwnCertificate() &&
        (e.remoteHost.isEmpty() || e.remotePort == 0)) {
        *why = tr("A DTLS client needs the remote target: the DTLS server's address and port "
                  "(or make this tab a DTLS server in DTLS…).");
        return false;
    }
    if (m_group && !e.tls.enabled && !m_group->text().trimmed().isEmpty() &&
        !e.multicastGroup.isMulticast()) {
        *why = tr("\"%1\" is not a multicast group address.").arg(m_group->text());
        return false;
    }
    if (m_tlsButton) {
        const QString tls = TlsFileCheck::settingsProblem(e.tls, m_mode);
        if (!tls.isEmpty()) {
            *why = tls;
            return false;
        }
    }
    return true;
}

void ConnectionBar::onButton()
{
    if (m_state == Session::State::Idle || m_state == Session::State::Failed) {
        QString why;
        if (!validate(&why)) {
            showState(Session::State::Failed, why);
            return;
        }
        emit startRequested();
    } else {
        emit stopRequested();
    }
}

void ConnectionBar::showState(Session::State state, const QString &text)
{
    m_state = state;
    const bool running = state == Session::State::Active || state == Session::State::Starting;
    const SessionKind &kind = sessionKind(m_mode);
    const QString label = state == Session::State::Starting ? kind.cancelText()
                          : running                         ? kind.stopText()
                                                            : kind.startText();
    m_button->setText(label);
    m_button->setToolTip(running ? tr("Stop this session") : tr("Start this session"));
    for (QWidget *w : {static_cast<QWidget *>(m_local), static_cast<QWidget *>(m_localPort)})
        w->setEnabled(!running);
    if (m_host) { // plain UDP takes a new remote target while open; DTLS does not
        const bool live = m_mode == Session::Mode::Udp && !m_tlsSwitch->isChecked();
        m_host->setEnabled(!running || live);
        m_remotePort->setEnabled(!running || live);
    }
    if (m_transport) { // a relay takes its whole endpoint at start
        m_transport->setEnabled(!running);
        m_timeout->setEnabled(!running && !relayOverUdp());
        m_maxClients->setEnabled(!running);
    }
    if (m_tlsButton) { // taken at start only
        m_tlsButton->setEnabled(!running && !relayOverUdp());
        if (m_tlsSwitch)
            m_tlsSwitch->setEnabled(!running);
    }
    QString shown = text;
    if (shown.isEmpty())
        shown = kind.idleText();
    m_stateLabel->setText(shown);
    QPalette pal = palette();
    if (state == Session::State::Failed)
        pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    else if (state == Session::State::Active)
        pal.setColor(QPalette::WindowText, toneColor(Tone::Ok, pal));
    m_stateLabel->setPalette(pal);
}

} // namespace sockscope
