// End-to-end offscreen tests of the main window: real widgets driven with
// mouse and keys, real sockets on 127.0.0.1, exact bytes on both sides.
//
// With SOCKSCOPE_SCREENSHOT_DIR set, the server, client and UDP tabs are also
// saved as PNG screenshots there (docs/screenshots in the repository).

#include "ui/appsettings.h"
#include "ui/hexdumpview.h"
#include "ui/logmodel.h"
#include "ui/logpane.h"
#include "ui/logview.h"
#include "ui/mainwindow.h"
#include "ui/peerlistmodel.h"
#include "ui/sessiontab.h"

#include "core/message/message.h"
#include "guiactions.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUdpSocket>

#include <memory>

using namespace sockscope;
using namespace sockscope::test;

namespace {

const QHostAddress Loopback(QHostAddress::LocalHost);

// "你好服务端,我是客户端小黑!" in GBK, written out so the test does not trust the
// codec under test to produce its own input.
const QByteArray GreetingGbk("\xC4\xE3\xBA\xC3\xB7\xFE\xCE\xF1\xB6\xCB\x2C\xCE\xD2\xCA\xC7\xBF"
                             "\xCD\xBB\xA7\xB6\xCB\xD0\xA1\xBA\xDA\x21");
const QString GreetingText = QStringLiteral("你好服务端,我是客户端小黑!");
const QString GreetingHex =
    QStringLiteral("C4 E3 BA C3 B7 FE CE F1 B6 CB 2C CE D2 CA C7 BF CD BB A7 B6 CB D0 A1 BA DA 21");

QString screenshotDir()
{
    return qEnvironmentVariable("SOCKSCOPE_SCREENSHOT_DIR");
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void serverReceivesGbkSplitInsideCharacter();
    void serverRawChunksShowSplitCharacterOnce();
    void sendToSelectedPeerWithChecksum();
    void invalidHexDisablesSend();
    void clientConnectsExchangesAndSeesClose();
    void udpSendAndReply();
    void settingsSurviveRestart();
    void closingTabStopsSession();
    void lengthPrefixFraming();
    void listenOnAllInterfaces_data();
    void listenOnAllInterfaces();
    void udpOnAllInterfaces();

private:
    void createWindow();
    SessionTab *tab(int index) const;
    void showTab(int index);

    // Picks a combo entry with the arrow keys, like a keyboard user.
    static bool choose(QComboBox *combo, const QVariant &data);
    static bool chooseIndex(QComboBox *combo, int index);
    static QList<int> rowsOfKind(const LogModel *model, LogRecord::Kind kind);
    static QString cell(const QAbstractItemModel *model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }
    void saveScreenshot(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("sockscope.ini")));
    createWindow();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void tst_MainWindow::createWindow()
{
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

SessionTab *tst_MainWindow::tab(int index) const
{
    auto *t = qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(index));
    if (!t)
        qFatal("no session tab %d", index);
    return t;
}

void tst_MainWindow::showTab(int index)
{
    QTabBar *bar = m_window->sessionTabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    QCOMPARE(m_window->sessionTabs()->currentIndex(), index);
}

bool tst_MainWindow::chooseIndex(QComboBox *combo, int target)
{
    if (target < 0)
        return false;
    combo->setFocus();
    for (int guard = 0; combo->currentIndex() != target && guard < combo->count(); ++guard)
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    return combo->currentIndex() == target;
}

bool tst_MainWindow::choose(QComboBox *combo, const QVariant &data)
{
    return chooseIndex(combo, combo->findData(data));
}

QList<int> tst_MainWindow::rowsOfKind(const LogModel *model, LogRecord::Kind kind)
{
    QList<int> rows;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(LogModel::KindRole).toInt() == int(kind))
            rows.append(r);
    return rows;
}

void tst_MainWindow::saveScreenshot(const QString &name)
{
    const QString dir = screenshotDir();
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(m_window->grab().save(path), qPrintable(path));
}

// --- 1. server: GBK text split inside a character, display modes, hex dump --

void tst_MainWindow::serverReceivesGbkSplitInsideCharacter()
{
    SessionTab *server = tab(0);
    QCOMPARE(server->mode(), Session::Mode::TcpServer);
    LogModel *model = server->logPane()->model();
    QAbstractItemModelTester logTester(model);
    auto *display = child<QComboBox>(server, "displayMode");
    QVERIFY(choose(display, int(LogModel::DisplayMode::Gbk)));
    QVERIFY(chooseIndex(child<QComboBox>(server, "framingKind"), 1)); // Lines
    QCOMPARE(sockscope::toString(server->session()->framing()), QStringLiteral("line"));

    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QCOMPARE(child<QLabel>(server, "stateLabel")->text(),
             QStringLiteral("Listening on 127.0.0.1:%1").arg(port));
    QCOMPARE(child<QPushButton>(server, "startButton")->text(), QStringLiteral("Stop"));

    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    auto *peers = child<QTreeView>(server, "peerList");
    QTRY_COMPARE(peers->model()->rowCount(), 1);

    // Cut inside 服 (bytes 4..5), and let the first piece arrive on its own.
    peer.write(GreetingGbk.left(5));
    QVERIFY(peer.waitForBytesWritten(3000));
    QTRY_COMPARE(server->session()->rxBytesTotal(), qint64(5));
    QVERIFY(rowsOfKind(model, LogRecord::Kind::Rx).isEmpty()); // no line yet
    peer.write(GreetingGbk.mid(5) + '\n');
    QVERIFY(peer.waitForBytesWritten(3000));

    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 1);
    const int row = rowsOfKind(model, LogRecord::Kind::Rx).first();
    QCOMPARE(cell(model, row, LogModel::DataColumn), GreetingText);
    QCOMPARE(cell(model, row, LogModel::LengthColumn), QStringLiteral("26"));
    QCOMPARE(model->index(row, 0).data(LogModel::BytesRole).toByteArray(), GreetingGbk);
    QCOMPARE(cell(model, row, LogModel::PeerColumn),
             QStringLiteral("127.0.0.1:%1").arg(peer.localPort()));

    QVERIFY(choose(display, int(LogModel::DisplayMode::Hex)));
    QCOMPARE(cell(model, row, LogModel::DataColumn), GreetingHex);
    QVERIFY(choose(display, int(LogModel::DisplayMode::Gbk)));
    QCOMPARE(cell(model, row, LogModel::DataColumn), GreetingText);

    // Clicking the row shows its bytes in the detail pane.
    LogView *view = server->logPane()->view();
    const QModelIndex shown = view->model()->index(row, LogModel::DataColumn);
    QCOMPARE(shown.data().toString(), GreetingText);
    view->scrollTo(shown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(shown).center());
    QCOMPARE(server->logPane()->hexDump()->bytes(), GreetingGbk);
    QCOMPARE(child<QPlainTextEdit>(server, "decodedText")->toPlainText(), GreetingText);

    // A second, English line for the screenshot.
    peer.write("temperature=25.3\n");
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 2);
    QCOMPARE(server->logPane()->hexDump()->bytes(), GreetingGbk); // selection kept
    saveScreenshot(QStringLiteral("server"));
    m_window->resize(900, 600);
    QTRY_COMPARE(m_window->size(), QSize(900, 600));
    saveScreenshot(QStringLiteral("server-900x600"));
}

void tst_MainWindow::serverRawChunksShowSplitCharacterOnce()
{
    SessionTab *server = tab(0);
    LogModel *model = server->logPane()->model();
    QVERIFY(choose(child<QComboBox>(server, "displayMode"), int(LogModel::DisplayMode::Gbk)));
    QCOMPARE(sockscope::toString(server->session()->framing()), QStringLiteral("raw"));
    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));

    peer.write(GreetingGbk.left(5));
    QVERIFY(peer.waitForBytesWritten(3000));
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 1);
    peer.write(GreetingGbk.mid(5));
    QVERIFY(peer.waitForBytesWritten(3000));
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 2);

    const QList<int> rows = rowsOfKind(model, LogRecord::Kind::Rx);
    // The lead byte of 服 ends the first chunk: it shows once, whole, in the second row.
    QCOMPARE(cell(model, rows[0], LogModel::DataColumn), QStringLiteral("你好"));
    QCOMPARE(cell(model, rows[0], LogModel::LengthColumn), QStringLiteral("5"));
    QCOMPARE(cell(model, rows[1], LogModel::DataColumn), QStringLiteral("服务端,我是客户端小黑!"));
    QCOMPARE(cell(model, rows[1], LogModel::LengthColumn), QStringLiteral("21"));
}

// --- 2. send panel to a selected peer, with a checksum ----------------------

void tst_MainWindow::sendToSelectedPeerWithChecksum()
{
    SessionTab *server = tab(0);
    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QTcpSocket peer;
    QTcpSocket other; // not selected: must receive nothing
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    auto *peers = child<QTreeView>(server, "peerList");
    QTRY_COMPARE(peers->model()->rowCount(), 1);
    other.connectToHost(Loopback, port);
    QVERIFY(other.waitForConnected(3000));
    QTRY_COMPARE(peers->model()->rowCount(), 2);
    QAbstractItemModelTester peerTester(peers->model());

    const QModelIndex first = peers->model()->index(0, PeerListModel::Endpoint);
    QCOMPARE(first.data().toString(), QStringLiteral("127.0.0.1:%1").arg(peer.localPort()));
    QTest::mouseClick(peers->viewport(), Qt::LeftButton, {}, peers->visualRect(first).center());
    QCOMPARE(child<QLabel>(server, "sendTarget")->text(),
             QStringLiteral("Send to: 1 selected client(s)"));

    auto *editor = child<QPlainTextEdit>(server, "editor");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Hello"));
    QVERIFY(choose(child<QComboBox>(server, "checksumCombo"), int(ChecksumKind::Crc16Modbus)));
    QCOMPARE(child<QComboBox>(server, "byteOrderCombo")->currentData().toInt(),
             int(ByteOrder::LittleEndian));
    const QByteArray expected("Hello\x77\xF3", 7); // CRC-16/MODBUS 0xF377, low byte first
    QTRY_COMPARE(child<QLabel>(server, "previewLabel")->text(),
                 QStringLiteral("48 65 6C 6C 6F 77 F3"));
    QCOMPARE(child<QLabel>(server, "byteCountLabel")->text(), QStringLiteral("7 bytes"));

    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(peer.bytesAvailable(), qint64(expected.size()));
    QCOMPARE(peer.readAll(), expected);
    QCOMPARE(editor->toPlainText(), QStringLiteral("Hello")); // no newline typed

    clickButton(child<QPushButton>(server, "sendButton"));
    QTRY_COMPARE(peer.bytesAvailable(), qint64(expected.size()));
    QCOMPARE(peer.readAll(), expected);

    LogModel *model = server->logPane()->model();
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Tx).size(), 2);
    for (int row : rowsOfKind(model, LogRecord::Kind::Tx)) {
        QCOMPARE(model->index(row, 0).data(LogModel::BytesRole).toByteArray(), expected);
        QCOMPARE(cell(model, row, LogModel::PeerColumn),
                 QStringLiteral("127.0.0.1:%1").arg(peer.localPort()));
    }
    QTRY_COMPARE(cell(peers->model(), 0, PeerListModel::TxBytes), QStringLiteral("14"));
    QCOMPARE(cell(peers->model(), 1, PeerListModel::TxBytes), QStringLiteral("0"));
    QVERIFY(!other.waitForReadyRead(50));
    QCOMPARE(other.bytesAvailable(), qint64(0));
}

// --- 3. invalid hex disables Send ------------------------------------------

void tst_MainWindow::invalidHexDisablesSend()
{
    SessionTab *server = tab(0);
    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    auto *send = child<QPushButton>(server, "sendButton");
    QTRY_COMPARE(server->session()->openPeerCount(), 1);

    clickButton(child<QRadioButton>(server, "hexModeRadio"));
    QVERIFY(child<QRadioButton>(server, "hexModeRadio")->isChecked());
    auto *editor = child<QPlainTextEdit>(server, "editor");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("48 65"));
    QTRY_VERIFY(send->isEnabled());

    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, QStringLiteral("G"));
    QCOMPARE(editor->toPlainText(), QStringLiteral("48 6G"));
    QTRY_VERIFY(!send->isEnabled());
    QVERIFY(child<QLabel>(server, "previewLabel")->text().startsWith(QStringLiteral("\u2717 ")));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier); // refused too
    clickButton(send);

    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, QStringLiteral("5"));
    QTRY_VERIFY(send->isEnabled());
    QCOMPARE(child<QLabel>(server, "previewLabel")->text(), QStringLiteral("48 65"));
    clickButton(send);
    QTRY_COMPARE(peer.bytesAvailable(), qint64(2));
    QCOMPARE(peer.readAll(), QByteArray("He"));
}

// --- 4. TCP client -----------------------------------------------------------

void tst_MainWindow::clientConnectsExchangesAndSeesClose()
{
    QTcpServer listener;
    QVERIFY(listener.listen(Loopback, 0));
    showTab(1);
    SessionTab *client = tab(1);
    QCOMPARE(client->mode(), Session::Mode::TcpClient);
    LogModel *model = client->logPane()->model();
    auto *button = child<QPushButton>(client, "startButton");
    QCOMPARE(button->text(), QStringLiteral("Connect"));

    typeOver(child<QLineEdit>(client, "remoteHost"), QStringLiteral("127.0.0.1"));
    typeOver(child<QSpinBox>(client, "remotePort"), QString::number(listener.serverPort()));
    clickButton(button);
    QTRY_VERIFY(listener.hasPendingConnections());
    std::unique_ptr<QTcpSocket> accepted(listener.nextPendingConnection());
    QTRY_COMPARE(client->session()->state(), Session::State::Active);
    QCOMPARE(button->text(), QStringLiteral("Disconnect"));
    QCOMPARE(child<QLabel>(client, "stateLabel")->text(),
             QStringLiteral("Connected to 127.0.0.1:%1 from 127.0.0.1:%2")
                 .arg(listener.serverPort())
                 .arg(accepted->peerPort()));

    accepted->write("pong from server");
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 1);
    QCOMPARE(cell(model, rowsOfKind(model, LogRecord::Kind::Rx).first(), LogModel::DataColumn),
             QStringLiteral("pong from server"));

    auto *editor = child<QPlainTextEdit>(client, "editor");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("hello server"));
    QVERIFY(choose(child<QComboBox>(client, "lineEndingCombo"), int(LineEnding::CRLF)));
    clickButton(child<QPushButton>(client, "sendButton"));
    QTRY_COMPARE(accepted->bytesAvailable(), qint64(14));
    QCOMPARE(accepted->readAll(), QByteArray("hello server\r\n"));
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Tx).size(), 1);
    saveScreenshot(QStringLiteral("client"));

    accepted->close();
    QTRY_COMPARE(client->session()->state(), Session::State::Idle);
    QCOMPARE(button->text(), QStringLiteral("Connect"));
    QCOMPARE(child<QLabel>(client, "stateLabel")->text(),
             QStringLiteral("Disconnected: the peer closed the connection"));
    // Records come in batches, a moment after the state.
    QTRY_COMPARE(
        cell(model, rowsOfKind(model, LogRecord::Kind::Event).last(), LogModel::DataColumn),
        QStringLiteral("Disconnected: the peer closed the connection"));
    QVERIFY(!child<QPushButton>(client, "sendButton")->isEnabled());
}

// --- 5. UDP ------------------------------------------------------------------

void tst_MainWindow::udpSendAndReply()
{
    QUdpSocket remote;
    QVERIFY(remote.bind(Loopback, 0));
    showTab(2);
    SessionTab *udp = tab(2);
    QCOMPARE(udp->mode(), Session::Mode::Udp);
    LogModel *model = udp->logPane()->model();

    typeOver(child<QComboBox>(udp, "localAddress"), QStringLiteral("127.0.0.1"));
    typeOver(child<QSpinBox>(udp, "localPort"), QStringLiteral("0"));
    typeOver(child<QLineEdit>(udp, "remoteHost"), QStringLiteral("127.0.0.1"));
    typeOver(child<QSpinBox>(udp, "remotePort"), QString::number(remote.localPort()));
    auto *button = child<QPushButton>(udp, "startButton");
    clickButton(button);
    QTRY_COMPARE(udp->session()->state(), Session::State::Active);
    QCOMPARE(button->text(), QStringLiteral("Close"));
    const quint16 local = udp->session()->boundPort();
    QVERIFY(local != 0);
    QCOMPARE(child<QLabel>(udp, "stateLabel")->text(),
             QStringLiteral("Bound to 127.0.0.1:%1; sending to 127.0.0.1:%2")
                 .arg(local)
                 .arg(remote.localPort()));

    auto *editor = child<QPlainTextEdit>(udp, "editor");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("udp hello"));
    QVERIFY(choose(child<QComboBox>(udp, "checksumCombo"), int(ChecksumKind::Crc16Modbus)));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(remote.hasPendingDatagrams());
    const QNetworkDatagram got = remote.receiveDatagram();
    QCOMPARE(got.data(), QByteArray("udp hello\xF3\x2A"));
    QCOMPARE(got.senderPort(), int(local));
    QVERIFY(!remote.hasPendingDatagrams());

    QCOMPARE(remote.writeDatagram(QByteArray("reply\x00\xFF", 7), Loopback, local), qint64(7));
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 1);
    const int row = rowsOfKind(model, LogRecord::Kind::Rx).first();
    QCOMPARE(model->index(row, 0).data(LogModel::BytesRole).toByteArray(),
             QByteArray("reply\x00\xFF", 7));
    QCOMPARE(cell(model, row, LogModel::PeerColumn),
             QStringLiteral("127.0.0.1:%1").arg(remote.localPort()));
    QCOMPARE(rowsOfKind(model, LogRecord::Kind::Tx).size(), 1);
    saveScreenshot(QStringLiteral("udp"));
}

// --- 6. settings ---------------------------------------------------------------

void tst_MainWindow::settingsSurviveRestart()
{
    SessionTab *server = tab(0);
    typeOver(child<QComboBox>(server, "localAddress"), QStringLiteral("127.0.0.1"));
    typeOver(child<QSpinBox>(server, "localPort"), QStringLiteral("4567"));
    QVERIFY(chooseIndex(child<QComboBox>(server, "framingKind"), 1)); // Lines
    QVERIFY(choose(child<QComboBox>(server, "displayMode"), int(LogModel::DisplayMode::Gbk)));

    // A fourth tab from the "+" button's menu, picked with the mouse.
    auto *plus = child<QToolButton>(m_window.get(), "newSessionButton");
    QAction *udpAction = nullptr;
    for (QAction *a : plus->menu()->actions())
        if (a->text() == QStringLiteral("UDP"))
            udpAction = a;
    QVERIFY(udpAction);
    bool clicked = false;
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, poll, [&clicked, poll, udpAction] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll->stop();
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(udpAction).center());
        clicked = true;
    });
    poll->start(10);
    QTest::mouseClick(plus, Qt::LeftButton);
    QTRY_VERIFY(clicked);
    delete poll;
    QTRY_COMPARE(m_window->sessionTabs()->count(), 4);
    SessionTab *fourth = tab(3);
    QCOMPARE(fourth->mode(), Session::Mode::Udp);
    QCOMPARE(m_window->sessionTabs()->currentIndex(), 3);
    typeOver(child<QSpinBox>(fourth, "localPort"), QStringLiteral("7001"));
    typeOver(child<QLineEdit>(fourth, "remoteHost"), QStringLiteral("10.1.2.3"));
    typeOver(child<QSpinBox>(fourth, "remotePort"), QStringLiteral("7002"));
    QVERIFY(choose(child<QComboBox>(fourth, "displayMode"), int(LogModel::DisplayMode::Hex)));

    QVERIFY(m_window->close());
    m_window.reset();
    m_settings.reset();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("sockscope.ini")));
    createWindow();

    QCOMPARE(m_window->sessionTabs()->count(), 4);
    const QList<Session::Mode> modes{Session::Mode::TcpServer, Session::Mode::TcpClient,
                                     Session::Mode::Udp, Session::Mode::Udp};
    for (int i = 0; i < modes.size(); ++i)
        QCOMPARE(tab(i)->mode(), modes[i]);
    QCOMPARE(m_window->sessionTabs()->currentIndex(), 3);

    server = tab(0);
    QCOMPARE(child<QSpinBox>(server, "localPort")->value(), 4567);
    QCOMPARE(child<QComboBox>(server, "localAddress")->currentData().toString(),
             QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QComboBox>(server, "framingKind")->currentIndex(), 1);
    QCOMPARE(server->logPane()->displayMode(), LogModel::DisplayMode::Gbk);
    QCOMPARE(m_window->sessionTabs()->tabText(0), QStringLiteral("TCP Server :4567"));

    fourth = tab(3);
    QCOMPARE(child<QSpinBox>(fourth, "localPort")->value(), 7001);
    QCOMPARE(child<QLineEdit>(fourth, "remoteHost")->text(), QStringLiteral("10.1.2.3"));
    QCOMPARE(child<QSpinBox>(fourth, "remotePort")->value(), 7002);
    QCOMPARE(fourth->logPane()->displayMode(), LogModel::DisplayMode::Hex);
    // The untouched tabs keep their defaults.
    QCOMPARE(tab(1)->logPane()->displayMode(), LogModel::DisplayMode::Utf8);
    // UDP: "any", not 8888 (the classic lesson's receiver).
    QCOMPARE(child<QSpinBox>(tab(2), "localPort")->value(), 0);
}

// --- 7. closing a tab --------------------------------------------------------

void tst_MainWindow::closingTabStopsSession()
{
    SessionTab *server = tab(0);
    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    QTRY_COMPARE(server->session()->openPeerCount(), 1);
    QSignalSpy disconnected(&peer, &QTcpSocket::disconnected);

    QTabBar *bar = m_window->sessionTabs()->tabBar();
    const auto side = QTabBar::ButtonPosition(
        bar->style()->styleHint(QStyle::SH_TabBar_CloseButtonPosition, nullptr, bar));
    QWidget *close = bar->tabButton(0, side);
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(m_window->sessionTabs()->count(), 2);
    QCOMPARE(tab(0)->mode(), Session::Mode::TcpClient);
    QTRY_COMPARE(disconnected.count(), 1);

    QTcpSocket late; // the port is closed too
    late.connectToHost(Loopback, port);
    QVERIFY(!late.waitForConnected(3000));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

// --- 8. framing ----------------------------------------------------------------

void tst_MainWindow::lengthPrefixFraming()
{
    SessionTab *server = tab(0);
    QVERIFY(child<QSpinBox>(server, "framingMax")->isHidden());       // raw chunks have no cap
    QVERIFY(chooseIndex(child<QComboBox>(server, "framingKind"), 4)); // Length prefix
    QVERIFY(!child<QSpinBox>(server, "framingMax")->isHidden());
    QVERIFY(choose(child<QComboBox>(server, "framingLenSize"), 2));
    QVERIFY(chooseIndex(child<QComboBox>(server, "framingEndian"), 0)); // big-endian
    QVERIFY(!child<QComboBox>(server, "framingLenSize")->isHidden());
    QVERIFY(server->session()->framing() ==
            FramingSpec::lengthPrefixed(2, FramingSpec::Endian::Big));

    const quint16 port = startServerInTab(server);
    QVERIFY(port != 0);
    QTcpSocket peer;
    peer.connectToHost(Loopback, port);
    QVERIFY(peer.waitForConnected(3000));
    const QList<QByteArray> messages{QByteArray::fromHex("0003") + "abc",
                                     QByteArray::fromHex("0001") + "Z",
                                     QByteArray::fromHex("0100") + QByteArray(256, 'x')};
    peer.write(messages.join());
    QVERIFY(peer.waitForBytesWritten(3000));

    LogModel *model = server->logPane()->model();
    QTRY_COMPARE(server->session()->rxBytesTotal(), qint64(messages.join().size()));
    QTRY_COMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 3);
    const QList<int> rows = rowsOfKind(model, LogRecord::Kind::Rx);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(model->index(rows[i], 0).data(LogModel::BytesRole).toByteArray(), messages[i]);
    QTest::qWait(50); // nothing more trickles in
    QCOMPARE(rowsOfKind(model, LogRecord::Kind::Rx).size(), 3);
}

// --- the "all interfaces" entries mean what they say, in the list and after a restart --

void tst_MainWindow::listenOnAllInterfaces_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<QString>("stateText");
    QTest::newRow("::") << QStringLiteral(":: (all interfaces, IPv6 and IPv4)") << true
                        << QStringLiteral("Listening on [::]:%1, IPv6 and IPv4 (every interface: "
                                          "other machines can connect)");
    QTest::newRow("[::]") << QStringLiteral("[::] (all interfaces, IPv6 only)") << false
                          << QStringLiteral("Listening on [::]:%1, IPv6 only (every interface: "
                                            "other machines can connect)");
}

void tst_MainWindow::listenOnAllInterfaces()
{
    QFETCH(QString, entry);
    QFETCH(bool, v4);
    QFETCH(QString, stateText);
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0))
            QSKIP("IPv6 loopback is not available here");
    }
    for (int run = 0; run < 2; ++run) { // the second run after a restart of the window
        SessionTab *server = tab(0);
        auto *local = child<QComboBox>(server, "localAddress");
        if (run == 0) {
            QVERIFY2(chooseIndex(local, local->findText(entry)), qPrintable(entry));
            typeOver(child<QSpinBox>(server, "localPort"), QStringLiteral("0"));
        }
        QCOMPARE(local->currentText(), entry);
        auto *button = child<QPushButton>(server, "startButton");
        clickButton(button);
        Session *session = server->session();
        const quint16 port = test::waitForBoundPort(session);
        QVERIFY(port != 0);

        QTcpSocket six;
        six.connectToHost(QHostAddress(QHostAddress::LocalHostIPv6), port);
        QTRY_COMPARE(six.state(), QAbstractSocket::ConnectedState);
        QTcpSocket four;
        four.connectToHost(Loopback, port);
        if (v4)
            QTRY_COMPARE(four.state(), QAbstractSocket::ConnectedState);
        else
            QTRY_COMPARE(four.error(), QAbstractSocket::ConnectionRefusedError);
        QTRY_COMPARE(session->openPeerCount(), v4 ? 2 : 1);
        QCOMPARE(child<QLabel>(server, "stateLabel")->text(), stateText.arg(port));

        clickButton(button); // stop
        QTRY_COMPARE(session->boundPort(), quint16(0));
        if (run == 0) {
            QVERIFY(m_window->close());
            m_window.reset();
            m_settings.reset();
            m_settings =
                std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("sockscope.ini")));
            createWindow();
        }
    }
}

void tst_MainWindow::udpOnAllInterfaces()
{
    QUdpSocket four, six;
    QVERIFY(four.bind(Loopback, 0));
    if (!six.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0))
        QSKIP("IPv6 loopback is not available here");
    showTab(2);
    SessionTab *udp = tab(2);
    auto *local = child<QComboBox>(udp, "localAddress");
    const QString entry = QStringLiteral(":: (all interfaces, IPv6 and IPv4)");
    QVERIFY(chooseIndex(local, local->findText(entry)));
    typeOver(child<QSpinBox>(udp, "localPort"), QStringLiteral("0"));
    clickButton(child<QPushButton>(udp, "startButton"));
    Session *session = udp->session();
    QTRY_COMPARE(session->state(), Session::State::Active);
    const quint16 port = session->boundPort();
    four.writeDatagram("four", Loopback, port);
    six.writeDatagram("six", QHostAddress(QHostAddress::LocalHostIPv6), port);
    QTRY_COMPARE(session->rxBytesTotal(), qint64(7));
    const QString state = child<QLabel>(udp, "stateLabel")->text();
    QVERIFY2(state.startsWith(QStringLiteral("Bound to [::]:%1, IPv6 and IPv4").arg(port)),
             qPrintable(state));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
