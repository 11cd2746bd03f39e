// The certificate panel and the peer list's TLS column: what a known chain shows (subject,
// issuer, validity with an expired certificate in the error tone, SANs, SHA-256, self-signed),
// the copied text, the handshake summary, a relay pair's two sides, our own certificate.
// The peers come from a session whose peer table the test fills (no handshake needed).
#include "ui/certificatedialog.h"
#include "ui/certificatepanel.h"
#include "ui/peerlistmodel.h"
#include "ui/tones.h"

#include "core/tls/certificatefingerprint.h"
#include "core/tls/throwawaycertificate.h"

#include "guiactions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>

using namespace sockscope;
using namespace sockscope::test;
using namespace Qt::StringLiterals;

namespace {

// A session whose peers the test makes, with the TLS state a handshake would have left.
class TablePeers : public Session
{
public:
    explicit TablePeers(Mode mode) : Session(mode, nullptr) {}
    void start() override { setState(State::Active, QString()); }
    void stop() override { setState(State::Idle, QString()); }
    void setEndpoint(const SessionEndpoint &) override {}
    QSslCertificate tlsCertificate() const override { return m_own; }

    quint32 add(quint16 port, const TlsSessionInfo &tls, PeerInfo::Side side = PeerInfo::Side::None,
                quint32 partner = 0)
    {
        const quint32 id = openPeer(QHostAddress::LocalHost, port, side, partner);
        mutablePeer(id)->tls = tls;
        if (partner)
            mutablePeer(partner)->partner = id;
        emit peersUpdated();
        return id;
    }
    QSslCertificate m_own;

protected:
    QList<quint32> defaultTargets(QString *) override { return {}; }
    Delivery sendBytes(quint32, const QByteArray &, QString *) override { return Delivery::Gone; }
};

ThrowawayCertificate makeCertificate(const QDateTime &from, const QDateTime &until)
{
    ThrowawayCertificate::Options o;
    o.notBefore = from;
    o.notAfter = until;
    return ThrowawayCertificate::generate(o);
}

TlsSessionInfo handshake(const QList<QSslCertificate> &chain, const QStringList &errors = {})
{
    TlsSessionInfo t;
    t.active = true;
    t.protocol = u"TLSv1.3"_s;
    t.cipher = u"TLS_AES_256_GCM_SHA384"_s;
    t.alpn = u"h2"_s;
    t.peerChain = chain;
    t.verifyErrors = errors;
    return t;
}

} // namespace

class tst_CertificatePanel : public QObject
{
    Q_OBJECT

private slots:
    void knownChain();
    void expiredInErrorTone_data();
    void expiredInErrorTone();
    void copyPutsPlainText();
    void plainPeerSaysSo();
    void peerColumn();
    void relayPairColumn();
    void dialogFollowsPeerAndOwn();
};

void tst_CertificatePanel::knownChain()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ThrowawayCertificate leaf = makeCertificate(now.addDays(-1), now.addDays(10));
    const ThrowawayCertificate second = makeCertificate(now.addDays(-2), now.addDays(20));
    const QList<CertificateSection> sections{{u"Peer 127.0.0.1:443"_s,
                                              handshake({leaf.certificate(), second.certificate()}),
                                              true, QString()}};
    const QString text = CertificatePanel::toPlainText(sections, now);
    for (const QString &expected :
         {u"Peer 127.0.0.1:443"_s, u"TLSv1.3"_s, u"TLS_AES_256_GCM_SHA384"_s, u"ALPN: h2"_s,
          u"CN=localhost"_s, u"O=SockScope throwaway certificate"_s, u"localhost"_s, u"127.0.0.1"_s,
          u"::1"_s, leaf.sha256Fingerprint(), second.sha256Fingerprint(), u"Self-signed: yes"_s,
          u"Certificate 1"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u" missing in\n"_s + text));
    QCOMPARE(leaf.sha256Fingerprint(), sha256Fingerprint(leaf.certificate()));

    CertificatePanel panel;
    panel.setSections(sections);
    const QString shown = child<QTextBrowser>(&panel, "certificateText")->toPlainText();
    for (const QString &expected :
         {u"Subject"_s, u"Issuer"_s, u"Valid from"_s, u"Valid until"_s, u"DNS names"_s,
          u"IP addresses"_s, u"SHA-256"_s, leaf.sha256Fingerprint(), second.sha256Fingerprint(),
          u"Self-signed"_s, u"(its own)"_s, u"issuer of 0"_s,
          leaf.certificate().expiryDate().toUTC().toString(u"yyyy-MM-dd"_s)})
        QVERIFY2(shown.contains(expected), qPrintable(expected + u" missing in\n"_s + shown));
    // Selectable for copying a part.
    QVERIFY(child<QTextBrowser>(&panel, "certificateText")->textInteractionFlags() &
            Qt::TextSelectableByMouse);
}

void tst_CertificatePanel::expiredInErrorTone_data()
{
    QTest::addColumn<int>("fromDays");
    QTest::addColumn<int>("untilDays");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("highlighted");
    QTest::newRow("valid") << -1 << 10 << u"valid"_s << false;
    QTest::newRow("expired") << -20 << -10 << u"expired"_s << true;
    QTest::newRow("not yet valid") << 10 << 20 << u"not yet valid"_s << true;
}

void tst_CertificatePanel::expiredInErrorTone()
{
    QFETCH(int, fromDays);
    QFETCH(int, untilDays);
    QFETCH(QString, words);
    QFETCH(bool, highlighted);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ThrowawayCertificate c = makeCertificate(now.addDays(fromDays), now.addDays(untilDays));
    QVERIFY(!c.isNull());
    const QPalette palette = QApplication::palette();
    const QString html = CertificatePanel::toHtml(
        {{u"Peer"_s, handshake({c.certificate()}), true, QString()}}, palette, now);
    const QString toned =
        QStringLiteral("color:%1'><b>%2</b>").arg(toneColor(Tone::Error, palette).name(), words);
    QCOMPARE(html.contains(toned), highlighted);
    QVERIFY(html.contains(words));
}

void tst_CertificatePanel::copyPutsPlainText()
{
    const ThrowawayCertificate c = ThrowawayCertificate::generate();
    CertificatePanel panel;
    panel.setSections(
        {{u"Peer"_s, handshake({c.certificate()}, {u"The certificate is self-signed."_s}), true,
          QString()}});
    QApplication::clipboard()->clear();
    clickButton(child<QPushButton>(&panel, "copyCertificate"));
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied, panel.plainText());
    QVERIFY(copied.contains(c.sha256Fingerprint()));
    QVERIFY(copied.contains(u"Verification errors accepted: The certificate is self-signed."_s));
}

void tst_CertificatePanel::plainPeerSaysSo()
{
    CertificatePanel panel;
    panel.setSections({{u"Peer"_s, TlsSessionInfo(), true, QString()}});
    QVERIFY(panel.plainText().contains(u"Plain connection: no TLS."_s));
}

void tst_CertificatePanel::peerColumn()
{
    TablePeers session(Session::Mode::TcpServer);
    PeerListModel model;
    QAbstractItemModelTester tester(&model);
    model.setSession(&session);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    const quint32 plain = session.add(1001, TlsSessionInfo());
    QVERIFY(!model.anyTls());
    QCOMPARE(header.size(), 0);
    const ThrowawayCertificate c = ThrowawayCertificate::generate();
    const quint32 tls = session.add(1002, handshake({c.certificate()}, {u"self-signed"_s}));
    QVERIFY(model.anyTls());
    QCOMPARE(header.size(), 1); // the panel shows the column now
    QCOMPARE(model.headerData(PeerListModel::Tls, Qt::Horizontal).toString(), u"TLS"_s);
    const auto cell = [&](quint32 id, int role) {
        return model.index(model.rowOfPeer(id), PeerListModel::Tls).data(role).toString();
    };
    QCOMPARE(cell(plain, Qt::DisplayRole), QString());
    QCOMPARE(cell(tls, Qt::DisplayRole), u"TLSv1.3"_s);
    const QString tip = cell(tls, Qt::ToolTipRole);
    for (const QString &expected :
         {u"TLS_AES_256_GCM_SHA384"_s, u"ALPN: h2"_s, u"self-signed"_s, u"localhost"_s})
        QVERIFY2(tip.contains(expected), qPrintable(tip));
    QVERIFY(cell(plain, Qt::ToolTipRole).contains(u"plain"_s));
}

void tst_CertificatePanel::relayPairColumn()
{
    TablePeers session(Session::Mode::Relay);
    PeerListModel model;
    QAbstractItemModelTester tester(&model);
    model.setSession(&session);
    const quint32 client = session.add(2001, handshake({}), PeerInfo::Side::Client);
    const ThrowawayCertificate c = ThrowawayCertificate::generate();
    TlsSessionInfo upstreamTls = handshake({c.certificate()});
    upstreamTls.protocol = u"TLSv1.2"_s;
    session.add(2002, upstreamTls, PeerInfo::Side::Upstream, client);
    QCOMPARE(model.rowCount(), 1); // one row per pair
    const QModelIndex tls = model.index(0, PeerListModel::Tls);
    QCOMPARE(tls.data().toString(), u"TLSv1.3 ↔ TLSv1.2"_s);
    QVERIFY(tls.data(Qt::ToolTipRole).toString().contains(u"Server side:"_s));

    // Terminated on one side only.
    const quint32 client2 = session.add(2003, handshake({}), PeerInfo::Side::Client);
    session.add(2004, TlsSessionInfo(), PeerInfo::Side::Upstream, client2);
    QCOMPARE(model.index(model.rowOfPeer(client2), PeerListModel::Tls).data().toString(),
             u"TLSv1.3 ↔ plain"_s);

    const QList<CertificateSection> sections = CertificateDialog::peerSections(&session, client);
    QCOMPARE(sections.size(), 2);
    QVERIFY(sections[0].heading.contains(u"2001"_s));
    QVERIFY(sections[1].heading.contains(u"2002"_s));
    QCOMPARE(sections[1].info.peerChain.value(0), c.certificate());
}

void tst_CertificatePanel::dialogFollowsPeerAndOwn()
{
    TablePeers session(Session::Mode::TcpServer);
    const ThrowawayCertificate own = ThrowawayCertificate::generate();
    const ThrowawayCertificate theirs = ThrowawayCertificate::generate();
    session.m_own = own.certificate();
    CertificateDialog dialog(&session);
    dialog.show();
    const quint32 id = session.add(3001, TlsSessionInfo());
    dialog.followPeer(id);
    auto text = [&] { return dialog.panel()->plainText(); };
    QVERIFY(text().contains(u"Plain connection"_s));
    QVERIFY(text().contains(own.sha256Fingerprint())); // our own, always
    // The handshake finishes later: peersUpdated refreshes what is shown.
    session.add(3002, TlsSessionInfo()); // any update
    QVERIFY(!text().contains(theirs.sha256Fingerprint()));
    const_cast<PeerInfo *>(session.peer(id))->tls = handshake({theirs.certificate()});
    emit session.peersUpdated();
    QVERIFY2(text().contains(theirs.sha256Fingerprint()), qPrintable(text()));
    // Counters tick (peersUpdated with each batch): a selection made for copying stays.
    auto *browser = child<QTextBrowser>(dialog.panel(), "certificateText");
    QTextCursor cursor = browser->textCursor();
    cursor.setPosition(5);
    cursor.setPosition(40, QTextCursor::KeepAnchor);
    browser->setTextCursor(cursor);
    const QString selected = browser->textCursor().selectedText();
    QVERIFY(!selected.isEmpty());
    emit session.peersUpdated();
    emit session.peersUpdated();
    QCOMPARE(browser->textCursor().selectedText(), selected);

    TlsSessionInfo refused;
    refused.peerChain = {theirs.certificate()};
    refused.verifyErrors = {u"The certificate is self-signed, and untrusted."_s};
    dialog.showRefused(refused);
    QVERIFY(text().contains(u"self-signed, and untrusted"_s));
    QVERIFY(text().contains(theirs.sha256Fingerprint()));
    QVERIFY(!text().contains(own.sha256Fingerprint()));
}

QTEST_MAIN(tst_CertificatePanel)
#include "tst_certificatepanel.moc"
