#pragma once

#include "core/session/session.h"
#include "core/tls/tlssettings.h"

#include <QCoreApplication>
#include <QString>

namespace sockscope {

// Whether the files a TLS tab names can be used, in words, before anything starts: the TLS
// options dialog shows them beside each field as they are typed, and the connection bar
// refuses to start with the first one.
class TlsFileCheck
{
    Q_DECLARE_TR_FUNCTIONS(TlsFileCheck)

public:
    enum class Kind
    {
        Certificate, // one or more PEM certificates (ours, a client certificate, CA files)
        Key,         // a PEM private key (encrypted or not)
    };

    // Empty when the file is fine (or no path is given); otherwise one sentence naming it.
    static QString problem(const QString &path, Kind kind);
    // The first reason the settings cannot start a session of this kind; empty: none.
    static QString settingsProblem(const TlsSettings &settings, Session::Mode mode);
    // Which sides of this kind use TLS with these settings (a relay has both).
    static bool serverSideOn(const TlsSettings &settings, Session::Mode mode);
    static bool clientSideOn(const TlsSettings &settings, Session::Mode mode);
    // The key files a start of this kind will load (for the passphrase question).
    static QStringList keyFilesUsed(const TlsSettings &settings, Session::Mode mode);
    // True when the PEM key file is encrypted (it needs a passphrase).
    static bool keyIsEncrypted(const QString &path);
};

} // namespace sockscope
