#include "tlsdialog.h"

#include "tlsfilecheck.h"
#include "tones.h"

#include "core/tls/certificateinfo.h"
#include "core/tls/privatekeyfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace sockscope {

namespace {

QString pemFilter()
{
    return TlsDialog::tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
}

} // namespace

TlsDialog::TlsDialog(Session::Mode mode, QWidget *parent) : QDialog(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("tlsDialog"));
    setWindowTitle(mode == Session::Mode::Udp ? tr("DTLS options") : tr("TLS options"));
    auto *layout = new QVBoxLayout(this);
    if (mode == Session::Mode::Udp)
        buildDtlsRole(layout);
    if (mode == Session::Mode::Relay) {
        m_listenSide = new QCheckBox(tr("TLS towards clients (terminate)"), this);
        m_listenSide->setObjectName(QStringLiteral("tlsListenSide"));
        m_listenSide->setToolTip(tr("Clients connect with TLS and see our certificate; the "
                                    "relay decrypts what they send."));
        m_upstreamSide = new QCheckBox(tr("TLS towards the upstream (originate)"), this);
        m_upstreamSide->setObjectName(QStringLiteral("tlsUpstreamSide"));
        m_upstreamSide->setToolTip(tr("The relay connects to the server with TLS and "
                                      "verifies its certificate."));
        layout->addWidget(m_listenSide);
        layout->addWidget(m_upstreamSide);
    }
    if (mode != Session::Mode::TcpClient)
        layout->addWidget(m_serverSection = buildServerSection());
    if (mode != Session::Mode::TcpServer)
        layout->addWidget(m_clientSection = buildClientSection());
    m_problem = noteLabel(this, "tlsProblem");
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (QCheckBox *side : {m_listenSide, m_upstreamSide})
        if (side)
            connect(side, &QCheckBox::toggled, this, &TlsDialog::recheck);
    setSettings(TlsSettings());
}

QString TlsDialog::throwawayFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/throwaway-certificates");
}

QLabel *TlsDialog::noteLabel(QWidget *parent, const char *name)
{
    auto *note = new QLabel(parent);
    note->setObjectName(QLatin1String(name));
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note->setVisible(false);
    return note;
}

// A path field with its Browse… button; *note is the line under it (problem or summary).
QLineEdit *TlsDialog::addPathRow(QGroupBox *box, QFormLayout *form, const QString &label,
                                 const char *name, const QString &filter, QLabel **note)
{
    auto *edit = new QLineEdit(box);
    edit->setObjectName(QLatin1String(name));
    edit->setClearButtonEnabled(true);
    // Room for a path and the placeholders; still well inside a 900 px screen.
    edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 48);
    auto *browse = new QPushButton(tr("Browse…"), box);
    browse->setObjectName(QLatin1String(name) + QStringLiteral("Browse"));
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    *note = noteLabel(box, (QByteArray(name) + "Note").constData());
    form->addRow(QString(), *note);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString path = QFileDialog::getOpenFileName(this, label, start, filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    connect(edit, &QLineEdit::textChanged, this, &TlsDialog::recheck);
    return edit;
}

QGroupBox *TlsDialog::buildServerSection()
{
    auto *box =
        new QGroupBox(m_mode == Session::Mode::Relay ? tr("Towards clients: our certificate")
                                                     : tr("This server's certificate"),
                      this);
    box->setObjectName(QStringLiteral("tlsServerSection"));
    auto *form = new QFormLayout(box);
    buildOwnCertificateRows(box, form);
    m_clientCerts = new QComboBox(box);
    m_clientCerts->setObjectName(QStringLiteral("tlsClientCertificates"));
    m_clientCerts->addItem(tr("Not asked for"), int(TlsSettings::ClientCertificates::None));
    m_clientCerts->addItem(tr("Optional (verified when shown)"),
                           int(TlsSettings::ClientCertificates::Optional));
    m_clientCerts->addItem(tr("Required (mutual TLS)"),
                           int(TlsSettings::ClientCertificates::Required));
    m_clientCerts->setToolTip(tr("Whether clients must show a certificate of their own. It is "
                                 "verified against the CA file (empty: the system's CAs)."));
    form->addRow(tr("Client certificates"), m_clientCerts);
    connect(m_clientCerts, &QComboBox::currentIndexChanged, this, &TlsDialog::recheck);
    if (m_mode == Session::Mode::Udp) {
        m_serverCaFile =
            addPathRow(box, form, tr("CA file"), "dtlsServerCaFile", pemFilter(), &m_serverCaNote);
        m_serverCaFile->setPlaceholderText(tr("the system's trusted CAs"));
        m_serverCaFile->setToolTip(tr("Client certificates are verified against these CA "
                                      "certificates (PEM)."));
    } else if (m_mode == Session::Mode::TcpServer) {
        m_caFile = addPathRow(box, form, tr("CA file"), "tlsCaFile", pemFilter(), &m_caNote);
        m_caFile->setPlaceholderText(tr("the system's trusted CAs"));
        m_caFile->setToolTip(tr("Client certificates are verified against these CA "
                                "certificates (PEM)."));
        m_alpn = new QLineEdit(box);
        m_alpn->setObjectName(QStringLiteral("tlsAlpn"));
        m_alpn->setPlaceholderText(tr("e.g. h2, http/1.1, mqtt"));
        m_alpn->setToolTip(tr("Application protocols (ALPN) to agree on, comma-separated, the "
                              "preferred first. Empty: none."));
        form->addRow(tr("ALPN"), m_alpn);
    } else {
        m_clientCerts->setToolTip(tr("Whether clients must show a certificate of their own. It "
                                     "is verified against the CA file of the upstream "
                                     "section (empty: the system's CAs)."));
    }
    return box;
}

// Certificate and key files, or a throwaway certificate made here or at each start.
void TlsDialog::buildOwnCertificateRows(QGroupBox *box, QFormLayout *form)
{
    m_certFile = addPathRow(box, form, tr("Certificate"), "tlsCertFile", pemFilter(), &m_certNote);
    m_certFile->setToolTip(tr("Our certificate (PEM), optionally followed by its chain."));
    m_keyFile = addPathRow(box, form, tr("Key"), "tlsKeyFile", pemFilter(), &m_keyNote);
    m_keyFile->setToolTip(tr("The certificate's private key (PEM). An encrypted key asks for "
                             "its passphrase at each start; the passphrase is never saved."));
    m_generate = new QPushButton(tr("Generate a throwaway certificate"), box);
    m_generate->setObjectName(QStringLiteral("tlsGenerate"));
    m_generate->setToolTip(tr("A new self-signed certificate for localhost, 127.0.0.1 and ::1, "
                              "valid 30 days, for tests on this machine. Clients must be told "
                              "to trust it (its fingerprint, or the saved certificate)."));
    m_saveCert = new QPushButton(tr("Save certificate…"), box);
    m_saveCert->setObjectName(QStringLiteral("tlsSaveCertificate"));
    m_saveCert->setToolTip(tr("Save the generated certificate, e.g. as a CA file for clients."));
    m_saveKey = new QPushButton(tr("Save key…"), box);
    m_saveKey->setObjectName(QStringLiteral("tlsSaveKey"));
    m_saveKey->setToolTip(tr("Save the generated private key (readable by you only)."));
    m_saveCert->setEnabled(false);
    m_saveKey->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_generate);
    row->addStretch();
    form->addRow(QString(), row);
    m_generateNote = noteLabel(box, "tlsGenerateNote");
    form->addRow(QString(), m_generateNote);
    auto *saves = new QHBoxLayout;
    saves->addWidget(m_saveCert);
    saves->addWidget(m_saveKey);
    saves->addStretch();
    form->addRow(QString(), saves);
    m_generateEachStart = new QCheckBox(tr("A new throwaway certificate at each start, kept "
                                           "in memory only"),
                                        box);
    m_generateEachStart->setObjectName(QStringLiteral("tlsGenerateEachStart"));
    m_generateEachStart->setToolTip(tr("No files: its fingerprint is in the log and under "
                                       "Certificates… once started."));
    form->addRow(QString(), m_generateEachStart);
    connect(m_generate, &QPushButton::clicked, this, &TlsDialog::generate);
    connect(m_saveCert, &QPushButton::clicked, this, &TlsDialog::saveGeneratedCertificate);
    connect(m_saveKey, &QPushButton::clicked, this, &TlsDialog::saveGeneratedKey);
    connect(m_generateEachStart, &QCheckBox::toggled, this, &TlsDialog::recheck);
}

QGroupBox *TlsDialog::buildClientSection()
{
    auto *box = new QGroupBox(m_mode == Session::Mode::Relay ? tr("Towards the upstream server")
                                                             : tr("The server's certificate"),
                              this);
    box->setObjectName(QStringLiteral("tlsClientSection"));
    auto *form = new QFormLayout(box);
    m_verify = new QCheckBox(tr("Verify the server's certificate"), box);
    m_verify->setObjectName(QStringLiteral("tlsVerify"));
    m_verify->setToolTip(tr("Check that the certificate was issued by a trusted CA for this "
                            "server name and is valid now."));
    form->addRow(m_verify);
    m_insecureWarning = noteLabel(box, "tlsInsecureWarning");
    m_insecureWarning->setText(
        tr("Not verifying: whoever sits between you and the server can pretend to be it and "
           "read everything. Errors are only logged. For this run only (not remembered)."));
    QPalette warning = m_insecureWarning->palette();
    warning.setColor(QPalette::WindowText, toneColor(Tone::Error, warning));
    m_insecureWarning->setPalette(warning);
    form->addRow(m_insecureWarning);
    connect(m_verify, &QCheckBox::toggled, this, &TlsDialog::recheck);
    m_caFile = addPathRow(box, form, tr("CA file"), "tlsCaFile", pemFilter(), &m_caNote);
    m_caFile->setPlaceholderText(tr("the system's trusted CAs"));
    m_caFile->setToolTip(tr("Trust only these CA certificates (PEM) — e.g. a saved throwaway "
                            "certificate. Empty: the system's trusted CAs."));
    m_serverName = new QLineEdit(box);
    m_serverName->setObjectName(QStringLiteral("tlsServerName"));
    if (m_mode == Session::Mode::Udp) {
        // Qt 6.4's QDtls sends no server name; the certificate is still checked against it.
        m_serverName->setToolTip(tr("The name checked against the server's certificate. "
                                    "Empty: the remote host."));
        form->addRow(tr("Server name"), m_serverName);
        m_serverNameNote = noteLabel(box, "dtlsServerNameNote");
        m_serverNameNote->setText(tr("DTLS sends no server name (SNI) to the server; the name "
                                     "is only checked against its certificate."));
        m_serverNameNote->setVisible(true);
        form->addRow(QString(), m_serverNameNote);
        buildClientCertificateRows(box, form);
        return box; // no ALPN: Qt's DTLS does not negotiate it
    }
    m_serverName->setToolTip(tr("The name sent as SNI and checked against the certificate. "
                                "Empty: the host connected to."));
    form->addRow(tr("Server name (SNI)"), m_serverName);
    m_alpn = new QLineEdit(box);
    m_alpn->setObjectName(QStringLiteral("tlsAlpn"));
    m_alpn->setPlaceholderText(tr("e.g. h2, http/1.1, mqtt"));
    m_alpn->setToolTip(tr("Application protocols (ALPN) to offer, comma-separated, the "
                          "preferred first. Empty: none."));
    form->addRow(tr("ALPN"), m_alpn);
    buildClientCertificateRows(box, form);
    return box;
}

void TlsDialog::buildClientCertificateRows(QGroupBox *box, QFormLayout *form)
{
    m_clientCertFile = addPathRow(box, form, tr("Client certificate"), "tlsClientCertFile",
                                  pemFilter(), &m_clientCertNote);
    m_clientCertFile->setPlaceholderText(tr("none"));
    m_clientCertFile->setToolTip(tr("Our certificate for servers that ask for one (mutual "
                                    "TLS), PEM."));
    m_clientKeyFile =
        addPathRow(box, form, tr("Client key"), "tlsClientKeyFile", pemFilter(), &m_clientKeyNote);
    m_clientKeyFile->setToolTip(tr("The client certificate's private key (PEM)."));
}

// UDP: which end of DTLS this tab is; the sections follow.
void TlsDialog::buildDtlsRole(QVBoxLayout *layout)
{
    m_dtlsRole = new QComboBox(this);
    m_dtlsRole->setObjectName(QStringLiteral("dtlsRole"));
    m_dtlsRole->addItem(tr("DTLS server (our certificate)"), true);
    m_dtlsRole->addItem(tr("DTLS client (to the remote target)"), false);
    m_dtlsRole->setToolTip(tr("A server shows its certificate to the clients that send to it; "
                              "a client shakes hands with the remote address of the tab and "
                              "verifies its certificate."));
    auto *form = new QFormLayout;
    form->addRow(tr("Role"), m_dtlsRole);
    layout->addLayout(form);
    connect(m_dtlsRole, &QComboBox::currentIndexChanged, this, [this] {
        showDtlsRole();
        recheck();
    });
}

bool TlsDialog::dtlsServer() const
{
    return m_dtlsRole && m_dtlsRole->currentData().toBool();
}

void TlsDialog::showDtlsRole()
{
    if (!m_dtlsRole)
        return;
    m_serverSection->setVisible(dtlsServer());
    m_clientSection->setVisible(!dtlsServer());
    adjustSize();
}

void TlsDialog::setSettings(const TlsSettings &s, const QString &host)
{
    m_given = s;
    if (m_listenSide) {
        m_listenSide->setChecked(s.enabled);
        m_upstreamSide->setChecked(s.upstream);
    }
    if (m_certFile) {
        m_certFile->setText(s.certFile);
        m_keyFile->setText(s.keyFile);
        m_generateEachStart->setChecked(s.generateCertificate);
        m_clientCerts->setCurrentIndex(m_clientCerts->findData(int(s.clientCertificates)));
    }
    m_caFile->setText(s.caFile);
    if (m_serverCaFile)
        m_serverCaFile->setText(s.caFile);
    if (m_alpn)
        m_alpn->setText(s.alpn.join(QStringLiteral(", ")));
    if (m_dtlsRole) {
        m_dtlsRole->setCurrentIndex(m_dtlsRole->findData(s.hasOwnCertificate()));
        showDtlsRole();
    }
    if (m_verify) {
        m_verify->setChecked(!s.insecure);
        m_serverName->setText(s.serverName);
        m_serverName->setPlaceholderText(host.isEmpty() ? tr("the host connected to") : host);
        m_clientCertFile->setText(s.clientCertFile);
        m_clientKeyFile->setText(s.clientKeyFile);
    }
    recheck();
}

TlsSettings TlsDialog::settings() const
{
    TlsSettings s = m_given;
    if (m_listenSide) {
        s.enabled = m_listenSide->isChecked();
        s.upstream = m_upstreamSide->isChecked();
    }
    if (m_certFile) {
        s.certFile = m_certFile->text().trimmed();
        s.keyFile = m_keyFile->text().trimmed();
        s.generateCertificate = m_generateEachStart->isChecked();
        s.clientCertificates =
            TlsSettings::ClientCertificates(m_clientCerts->currentData().toInt());
    }
    s.caFile = m_caFile->text().trimmed();
    if (m_alpn) {
        s.alpn.clear();
        for (const QString &p : m_alpn->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!p.trimmed().isEmpty())
                s.alpn << p.trimmed();
    }
    if (m_verify) {
        s.insecure = !m_verify->isChecked();
        s.serverName = m_serverName->text().trimmed();
        s.clientCertFile = m_clientCertFile->text().trimmed();
        s.clientKeyFile = m_clientKeyFile->text().trimmed();
    }
    if (m_dtlsRole && dtlsServer()) {
        s.caFile = m_serverCaFile->text().trimmed();
    } else if (m_dtlsRole) { // a client: no certificate of its own (that would make a server)
        s.certFile.clear();
        s.keyFile.clear();
        s.generateCertificate = false;
    }
    return s;
}

QString TlsDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void TlsDialog::showNote(QLabel *note, const QString &problem, const QString &fine)
{
    if (!note)
        return;
    QPalette pal = palette();
    if (!problem.isEmpty())
        pal.setColor(QPalette::WindowText, toneColor(Tone::Error, pal));
    note->setPalette(pal);
    note->setText(problem.isEmpty() ? fine : problem);
    note->setVisible(!note->text().isEmpty());
}

// What the chosen certificate is: its subject, until when, its fingerprint.
QString TlsDialog::certificateSummary(const QString &path) const
{
    // Only a file TlsFileCheck found usable: opening a FIFO would block the window.
    if (path.isEmpty() || !TlsFileCheck::problem(path, TlsFileCheck::Kind::Certificate).isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QSslCertificate> chain = QSslCertificate::fromData(file.read(1024 * 1024));
    if (chain.isEmpty())
        return {};
    const CertificateInfo info(chain.first());
    QString text =
        tr("%1 · %2 until %3")
            .arg(info.subject(), info.validityText(),
                 QLocale().toString(info.notAfter().toLocalTime(), QLocale::ShortFormat));
    if (info.isSelfSigned())
        text += tr(" · self-signed");
    return text + QLatin1Char('\n') + tr("SHA-256: %1").arg(info.sha256Fingerprint());
}

// Every field's note, the problem of the whole, the insecure warning.
void TlsDialog::recheck()
{
    using Kind = TlsFileCheck::Kind;
    if (m_certFile) {
        const bool own = !m_generateEachStart->isChecked();
        for (QWidget *w : {static_cast<QWidget *>(m_certFile), static_cast<QWidget *>(m_keyFile)})
            w->setEnabled(own);
        const QString certProblem =
            TlsFileCheck::problem(m_certFile->text().trimmed(), Kind::Certificate);
        showNote(m_certNote, own ? certProblem : QString(),
                 own ? certificateSummary(m_certFile->text().trimmed()) : QString());
        showNote(m_keyNote,
                 own ? TlsFileCheck::problem(m_keyFile->text().trimmed(), Kind::Key) : QString());
    }
    showNote(m_caNote, TlsFileCheck::problem(m_caFile->text().trimmed(), Kind::Certificate));
    if (m_serverCaFile)
        showNote(m_serverCaNote,
                 TlsFileCheck::problem(m_serverCaFile->text().trimmed(), Kind::Certificate));
    if (m_verify) {
        m_insecureWarning->setVisible(!m_verify->isChecked());
        showNote(m_clientCertNote,
                 TlsFileCheck::problem(m_clientCertFile->text().trimmed(), Kind::Certificate),
                 certificateSummary(m_clientCertFile->text().trimmed()));
        showNote(m_clientKeyNote,
                 TlsFileCheck::problem(m_clientKeyFile->text().trimmed(), Kind::Key));
    }
    // The whole, as the start would judge it: each side as if switched on.
    TlsSettings s = settings();
    s.enabled = true;
    s.upstream = m_mode == Session::Mode::Relay;
    QString whole = TlsFileCheck::settingsProblem(s, m_mode);
    if (m_listenSide && !m_listenSide->isChecked() && !m_upstreamSide->isChecked())
        whole.clear();
    if (dtlsServer() && !s.hasOwnCertificate()) // else it would start as a client
        whole = tr("A DTLS server needs a certificate and its key file: choose both, or "
                   "generate a throwaway certificate.");
    showNote(m_problem, whole);
}

void TlsDialog::generate()
{
    QString error;
    const ThrowawayCertificate made = ThrowawayCertificate::generate(&error);
    if (made.isNull() || !writeThrowaway(made, &error)) {
        showNote(m_generateNote, tr("No certificate was made: %1").arg(error));
        return;
    }
    m_generated = made;
    m_generateEachStart->setChecked(false);
    m_saveCert->setEnabled(true);
    m_saveKey->setEnabled(true);
    showNote(m_generateNote, QString(),
             tr("Generated: self-signed for localhost, 127.0.0.1 and ::1.\nSHA-256 "
                "fingerprint: %1")
                 .arg(made.sha256Fingerprint()));
}

// Into the application's data folder, named by the fingerprint (tabs never share one); the
// fields then name the files, so the session loads exactly this pair, now and after restarts.
bool TlsDialog::writeThrowaway(const ThrowawayCertificate &made, QString *error)
{
    const QString folder = throwawayFolder();
    if (!QDir().mkpath(folder)) {
        *error = tr("%1 cannot be created.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString base = folder + QStringLiteral("/localhost-") +
                         made.sha256Fingerprint().remove(QLatin1Char(':')).left(16).toLower();
    QSaveFile cert(base + QStringLiteral("-cert.pem"));
    if (!cert.open(QIODevice::WriteOnly) || cert.write(made.certificatePem()) < 0 ||
        !cert.commit()) {
        *error = tr("%1 cannot be written: %2.")
                     .arg(QDir::toNativeSeparators(cert.fileName()), cert.errorString());
        return false;
    }
    if (!writePrivateKeyFile(base + QStringLiteral("-key.pem"), made.privateKeyPem(), error))
        return false;
    m_certFile->setText(base + QStringLiteral("-cert.pem"));
    m_keyFile->setText(base + QStringLiteral("-key.pem"));
    return true;
}

QString TlsDialog::chooseSaveFile(const QString &title, const char *name, const QString &suggested)
{
    QFileDialog dialog(this, title, QDir::homePath() + QLatin1Char('/') + suggested, pemFilter());
    dialog.setObjectName(QLatin1String(name));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("pem"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

void TlsDialog::saveGeneratedCertificate()
{
    const QString path = chooseSaveFile(tr("Save certificate"), "saveCertificateDialog",
                                        QStringLiteral("localhost-cert.pem"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_generated.certificatePem()) < 0 ||
        !file.commit()) {
        showNote(m_generateNote, tr("%1 cannot be written: %2.")
                                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    showNote(m_generateNote, QString(),
             tr("Certificate saved to %1.\nSHA-256 fingerprint: %2")
                 .arg(QDir::toNativeSeparators(path), m_generated.sha256Fingerprint()));
}

void TlsDialog::saveGeneratedKey()
{
    const QString path = chooseSaveFile(tr("Save private key"), "saveKeyDialog",
                                        QStringLiteral("localhost-key.pem"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writePrivateKeyFile(path, m_generated.privateKeyPem(), &error)) {
        showNote(m_generateNote, error);
        return;
    }
    showNote(m_generateNote, QString(),
             tr("Key saved to %1 (readable by you only).").arg(QDir::toNativeSeparators(path)));
}

} // namespace sockscope
