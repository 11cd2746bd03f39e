// A tab's endpoint and receive settings in QSettings (core/session/sessionsettings.h): the
// keys of the settings file, a round trip, and missing or unreadable values keeping the
// given defaults.
#include "core/session/sessionsettings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace sockscope;

class tst_SessionSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void keysAreTheFileFormat();
    void roundTrip();
    void tlsRoundTripKeepsNoSecrets();
    void missingKeysKeepDefaults();
    void unreadableValuesKeepDefaults();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;

    static SessionEndpoint sampleEndpoint();
    static ReceiveSettings sampleReceive();
};

void tst_SessionSettings::init()
{
    m_settings.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")),
                                             QSettings::IniFormat);
}

SessionEndpoint tst_SessionSettings::sampleEndpoint()
{
    SessionEndpoint e;
    e.localAddress = QHostAddress(QHostAddress::Any); // "::": both families
    e.localPort = 9000;
    e.remoteHost = QStringLiteral("plc.local");
    e.remotePort = 502;
    e.connectTimeoutMs = 1500;
    e.autoReconnect = true;
    e.maxClients = 64;
    e.broadcast = true;
    e.replyToLast = true;
    e.multicastGroup = QHostAddress(QStringLiteral("239.1.2.3"));
    e.multicastInterface = QStringLiteral("lo");
    e.relayOverUdp = true;
    return e;
}

ReceiveSettings tst_SessionSettings::sampleReceive()
{
    ReceiveSettings r;
    r.framing = FramingSpec::line();
    r.rxChecksum = ChecksumKind::Crc16Modbus;
    r.echo = true;
    AutoReplyRule rule;
    rule.name = QStringLiteral("ping");
    rule.pattern = QStringLiteral("PING");
    rule.reply = QStringLiteral("PONG\\r\\n");
    r.rules.rules.append(rule);
    return r;
}

// Saved settings files from earlier versions must keep loading: these are their keys.
void tst_SessionSettings::keysAreTheFileFormat()
{
    saveEndpoint(*m_settings, sampleEndpoint());
    saveReceiveSettings(*m_settings, sampleReceive());
    QStringList keys = m_settings->allKeys();
    keys.sort();
    const char *const expected[] = {
        "autoReconnect", "autoReply",      "broadcast",          "connectTimeoutMs",
        "echo",          "framing",        "localAddress",       "localPort",
        "maxClients",    "multicastGroup", "multicastInterface", "relayOverUdp",
        "remoteHost",    "remotePort",     "replyToLast",        "rxChecksum",
        // issue 15: paths and switches only (never "insecure", never a passphrase)
        "tlsAlpn",       "tlsCaFile",      "tlsCertFile",        "tlsClientCertFile",
        "tlsClientCertificates", "tlsClientKeyFile", "tlsEnabled", "tlsGenerateCert",
        "tlsKeyFile",    "tlsServerName",  "tlsUpstream"};
    QStringList want;
    for (const char *key : expected)
        want.append(QString::fromLatin1(key));
    QCOMPARE(keys, want);
    QCOMPARE(m_settings->value(QStringLiteral("localAddress")).toString(), QStringLiteral("::"));
    QCOMPARE(m_settings->value(QStringLiteral("framing")).toString(),
             toString(FramingSpec::line()));
    QCOMPARE(m_settings->value(QStringLiteral("rxChecksum")).toString(),
             checksumId(ChecksumKind::Crc16Modbus));
}

// TLS settings come back as saved, except what must never be written down.
void tst_SessionSettings::tlsRoundTripKeepsNoSecrets()
{
    SessionEndpoint e = sampleEndpoint();
    e.tls.enabled = true;
    e.tls.upstream = true;
    e.tls.certFile = QStringLiteral("/etc/ssl/device.pem");
    e.tls.keyFile = QStringLiteral("/etc/ssl/device.key");
    e.tls.caFile = QStringLiteral("/etc/ssl/ca.pem");
    e.tls.serverName = QStringLiteral("broker.example");
    e.tls.alpn = {QStringLiteral("mqtt"), QStringLiteral("h2")};
    e.tls.clientCertFile = QStringLiteral("/etc/ssl/me.pem");
    e.tls.clientKeyFile = QStringLiteral("/etc/ssl/me.key");
    e.tls.clientCertificates = TlsSettings::ClientCertificates::Optional;
    e.tls.insecure = true;
    e.tls.keyPassphrase = "s3cret-passphrase";
    saveEndpoint(*m_settings, e);
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret-passphrase"));

    const TlsSettings back = loadEndpoint(*m_settings, SessionEndpoint()).tls;
    QCOMPARE(back.enabled, true);
    QCOMPARE(back.upstream, true);
    QCOMPARE(back.certFile, e.tls.certFile);
    QCOMPARE(back.keyFile, e.tls.keyFile);
    QCOMPARE(back.caFile, e.tls.caFile);
    QCOMPARE(back.serverName, e.tls.serverName);
    QCOMPARE(back.alpn, e.tls.alpn);
    QCOMPARE(back.clientCertFile, e.tls.clientCertFile);
    QCOMPARE(back.clientKeyFile, e.tls.clientKeyFile);
    QCOMPARE(back.clientCertificates, TlsSettings::ClientCertificates::Optional);
    QCOMPARE(back.insecure, false);
    QVERIFY(back.keyPassphrase.isEmpty());
}

void tst_SessionSettings::roundTrip()
{
    saveEndpoint(*m_settings, sampleEndpoint());
    saveReceiveSettings(*m_settings, sampleReceive());
    m_settings->sync();
    const QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    const SessionEndpoint e = loadEndpoint(reread, SessionEndpoint());
    const SessionEndpoint want = sampleEndpoint();
    QCOMPARE(e.localAddress, want.localAddress);
    QCOMPARE(e.localAddress.protocol(), QAbstractSocket::AnyIPProtocol);
    QCOMPARE(e.localPort, want.localPort);
    QCOMPARE(e.remoteHost, want.remoteHost);
    QCOMPARE(e.remotePort, want.remotePort);
    QCOMPARE(e.connectTimeoutMs, want.connectTimeoutMs);
    QCOMPARE(e.autoReconnect, want.autoReconnect);
    QCOMPARE(e.maxClients, want.maxClients);
    QCOMPARE(e.broadcast, want.broadcast);
    QCOMPARE(e.replyToLast, want.replyToLast);
    QCOMPARE(e.multicastGroup, want.multicastGroup);
    QCOMPARE(e.multicastInterface, want.multicastInterface);
    QCOMPARE(e.relayOverUdp, want.relayOverUdp);
    const ReceiveSettings r = loadReceiveSettings(reread, ReceiveSettings());
    QCOMPARE(toString(r.framing), toString(sampleReceive().framing));
    QCOMPARE(r.rxChecksum, ChecksumKind::Crc16Modbus);
    QCOMPARE(r.echo, true);
    QCOMPARE(r.rules.rules, sampleReceive().rules.rules);
}

void tst_SessionSettings::missingKeysKeepDefaults()
{
    m_settings->setValue(QStringLiteral("remotePort"), 8080); // the only key
    const SessionEndpoint defaults = sampleEndpoint();
    const SessionEndpoint e = loadEndpoint(*m_settings, defaults);
    QCOMPARE(e.remotePort, quint16(8080));
    QCOMPARE(e.localAddress, defaults.localAddress);
    QCOMPARE(e.localPort, defaults.localPort);
    QCOMPARE(e.remoteHost, defaults.remoteHost);
    QCOMPARE(e.maxClients, defaults.maxClients);
    QCOMPARE(e.multicastGroup, defaults.multicastGroup);
    const ReceiveSettings r = loadReceiveSettings(*m_settings, sampleReceive());
    QCOMPARE(toString(r.framing), toString(sampleReceive().framing));
    QCOMPARE(r.rxChecksum, sampleReceive().rxChecksum);
    QCOMPARE(r.echo, true);
    QCOMPARE(r.rules.rules.size(), 1);
}

void tst_SessionSettings::unreadableValuesKeepDefaults()
{
    m_settings->setValue(QStringLiteral("localAddress"), QStringLiteral("not-an-address"));
    m_settings->setValue(QStringLiteral("localPort"), QStringLiteral("70000"));
    m_settings->setValue(QStringLiteral("maxClients"), QStringLiteral("-3"));
    m_settings->setValue(QStringLiteral("framing"), QStringLiteral("bogus:1"));
    m_settings->setValue(QStringLiteral("rxChecksum"), QStringLiteral("crc99"));
    m_settings->setValue(QStringLiteral("autoReply"), QStringLiteral("{not json"));
    const SessionEndpoint defaults = sampleEndpoint();
    const SessionEndpoint e = loadEndpoint(*m_settings, defaults);
    QCOMPARE(e.localAddress, defaults.localAddress);
    QCOMPARE(e.localPort, defaults.localPort);
    QCOMPARE(e.maxClients, defaults.maxClients);
    const ReceiveSettings r = loadReceiveSettings(*m_settings, sampleReceive());
    QCOMPARE(toString(r.framing), toString(sampleReceive().framing));
    QCOMPARE(r.rxChecksum, sampleReceive().rxChecksum);
    QCOMPARE(r.rules.rules.size(), 1);
}

QTEST_GUILESS_MAIN(tst_SessionSettings)
#include "tst_sessionsettings.moc"
