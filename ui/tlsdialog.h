#pragma once

#include "core/session/session.h"
#include "core/tls/throwawaycertificate.h"
#include "core/tls/tlssettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace sockscope {

// The TLS options of a TCP tab, in sections that follow the role: a server's (or a relay's
// client-facing side's) own certificate and what it asks of clients; a client's (or a relay's
// upstream side's) verification of the server, SNI, ALPN and client certificate. A relay also
// has both switches here. Files are checked as they are typed, each problem named in words
// under its field. "Generate a throwaway certificate" writes a fresh self-signed pair into the
// application's data folder (the key 0600) and points the fields at it, so what the dialog
// shows (its SHA-256 fingerprint) is what the server will show, after a restart too.
//
// A UDP tab's (DTLS) dialog starts with the role: a server shows its certificate section, a
// client (of the remote target) its verification section; there is no ALPN (Qt's DTLS does
// not negotiate it). The role is TlsSettings::hasOwnCertificate(), as DtlsSession decides it.
class TlsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsDialog)

public:
    explicit TlsDialog(Session::Mode mode, QWidget *parent = nullptr);

    // host: where a client connects, the placeholder of the server name (SNI).
    void setSettings(const TlsSettings &settings, const QString &host = QString());
    // What the fields say; the switches and the passphrase as given to setSettings().
    TlsSettings settings() const;
    // The first problem shown (empty: none).
    QString problem() const;

    // Where generated throwaway certificates and keys go.
    static QString throwawayFolder();

private:
    QGroupBox *buildServerSection();
    QGroupBox *buildClientSection();
    void buildDtlsRole(QVBoxLayout *layout);
    bool dtlsServer() const;
    void showDtlsRole();
    void buildOwnCertificateRows(QGroupBox *box, QFormLayout *form);
    void buildClientCertificateRows(QGroupBox *box, QFormLayout *form);
    QLineEdit *addPathRow(QGroupBox *box, QFormLayout *form, const QString &label, const char *name,
                          const QString &filter, QLabel **note);
    QLabel *noteLabel(QWidget *parent, const char *name);
    void generate();
    bool writeThrowaway(const ThrowawayCertificate &certificate, QString *error);
    void saveGeneratedCertificate();
    void saveGeneratedKey();
    QString chooseSaveFile(const QString &title, const char *name, const QString &suggested);
    void recheck();
    void showNote(QLabel *note, const QString &problem, const QString &fine = QString());
    QString certificateSummary(const QString &path) const;

    Session::Mode m_mode;
    TlsSettings m_given;              // switches, passphrase, timeout: not edited here
    ThrowawayCertificate m_generated; // the last one generated here (Save certificate/key…)

    QCheckBox *m_listenSide = nullptr;   // relay: TLS towards clients
    QCheckBox *m_upstreamSide = nullptr; // relay: TLS towards the upstream
    QComboBox *m_dtlsRole = nullptr;     // UDP: DTLS server or client
    QGroupBox *m_serverSection = nullptr;
    QGroupBox *m_clientSection = nullptr;
    // Our certificate (server, relay's client-facing side).
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLabel *m_certNote = nullptr;
    QLabel *m_keyNote = nullptr;
    QCheckBox *m_generateEachStart = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_saveCert = nullptr;
    QPushButton *m_saveKey = nullptr;
    QLabel *m_generateNote = nullptr;
    QComboBox *m_clientCerts = nullptr;
    // Trust anchors: the client's, or what a server checks client certificates against.
    QLineEdit *m_caFile = nullptr;
    QLabel *m_caNote = nullptr;
    // UDP: a DTLS server's own CA row (client certificates); m_caFile is the client's.
    QLineEdit *m_serverCaFile = nullptr;
    QLabel *m_serverCaNote = nullptr;
    // The client's side (client, relay's upstream).
    QCheckBox *m_verify = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLineEdit *m_serverName = nullptr;
    QLabel *m_serverNameNote = nullptr; // DTLS: the name is checked, not sent
    QLineEdit *m_alpn = nullptr;
    QLineEdit *m_clientCertFile = nullptr;
    QLineEdit *m_clientKeyFile = nullptr;
    QLabel *m_clientCertNote = nullptr;
    QLabel *m_clientKeyNote = nullptr;
    QLabel *m_problem = nullptr; // the whole: one certificate without its key…
    QPushButton *m_ok = nullptr;
};

} // namespace sockscope
