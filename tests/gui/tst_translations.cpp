// The Chinese UI, offscreen: with the embedded :/i18n/sockscope_zh_CN.qm (and
// Qt's own qtbase_zh_CN.qm when installed) the main window's key labels are
// Chinese; without a translator the very same labels are English. A scan of
// every visible button, label, group box, tab and menu also catches strings
// that are not wrapped in tr() or were never translated.
//
// With SOCKSCOPE_SCREENSHOT_DIR set, the Chinese window is saved there as
// zh_CN-<tab>.png for a look at clipping.

#include "ui/appsettings.h"
#include "ui/autoreplydialog.h"
#include "ui/mainwindow.h"
#include "ui/sessiontab.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace sockscope;

namespace {

QString screenshotDir()
{
    return qEnvironmentVariable("SOCKSCOPE_SCREENSHOT_DIR");
}

// Latin words that stay as they are in the Chinese UI: protocol and product
// names, units, encodings and byte-order abbreviations.
bool isUntranslatableWord(const QString &word)
{
    static const QStringList allowed{
        QStringLiteral("TCP"),    QStringLiteral("UDP"),    QStringLiteral("IPv4"),
        QStringLiteral("IPv6"),   QStringLiteral("SockScope"), QStringLiteral("Qt"),
        QStringLiteral("UTF"),    QStringLiteral("GBK"),    QStringLiteral("Latin"),
        QStringLiteral("HEX"),    QStringLiteral("LF"),     QStringLiteral("CR"),
        QStringLiteral("CRLF"),   QStringLiteral("CRC"),    QStringLiteral("MODBUS"),
        QStringLiteral("RTU"),    QStringLiteral("ms"),     QStringLiteral("KiB"),
        QStringLiteral("MiB"),    QStringLiteral("JSON"),   QStringLiteral("CSV"),
        QStringLiteral("Ctrl"),   QStringLiteral("Shift"),  QStringLiteral("Del"),
        QStringLiteral("lag"),    QStringLiteral("p99"),    QStringLiteral("max"),
        QStringLiteral("English"), QStringLiteral("TLS"),  QStringLiteral("DTLS"),
    };
    return allowed.contains(word, Qt::CaseInsensitive);
}

// English words (two or more Latin letters) left in a Chinese label.
QStringList englishWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9]+"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        if (!isUntranslatableWord(w))
            out << w;
    }
    return out;
}

bool hasChinese(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void embeddedTranslationsExist();
    void chineseKeyLabels();
    void chineseClientAndUdpTabs();
    void noEnglishLeftInChineseWindow();
    void qtOwnDialogsAreChinese();
    void englishWithoutTranslator();

private:
    void installChinese();
    void removeTranslators();
    MainWindow *makeWindow();
    SessionTab *tab(int index) const;
    QStringList englishLabels(MainWindow *w) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QList<QTranslator *> m_translators;
    bool m_haveQtBase = false;
};

void tst_Translations::initTestCase()
{
    QTranslator probe;
    m_haveQtBase = probe.load(QStringLiteral("qtbase_zh_CN"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!m_haveQtBase)
        qInfo("qtbase_zh_CN.qm is not installed; Qt's own strings stay English");
}

void tst_Translations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void tst_Translations::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
    removeTranslators();
    QLocale::setDefault(QLocale::c());
}

void tst_Translations::installChinese()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    if (m_haveQtBase) {
        auto *qt = new QTranslator(this);
        QVERIFY(qt->load(QStringLiteral("qtbase_zh_CN"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QVERIFY(QCoreApplication::installTranslator(qt));
        m_translators << qt;
    }
    auto *own = new QTranslator(this);
    QVERIFY2(own->load(QStringLiteral(":/i18n/sockscope_zh_CN.qm")),
             "the zh_CN translation is not embedded in sockscope_ui");
    QCOMPARE(own->language(), QStringLiteral("zh_CN"));
    QVERIFY(QCoreApplication::installTranslator(own));
    m_translators << own;
}

void tst_Translations::removeTranslators()
{
    for (QTranslator *t : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_translators.clear();
}

MainWindow *tst_Translations::makeWindow()
{
    m_window = std::make_unique<MainWindow>(m_settings.get());
    m_window->resize(1100, 760);
    m_window->show();
    return m_window.get();
}

SessionTab *tst_Translations::tab(int index) const
{
    return qobject_cast<SessionTab *>(m_window->sessionTabs()->widget(index));
}

void tst_Translations::embeddedTranslationsExist()
{
    for (const char *lang : {"zh_CN", "en"}) {
        QTranslator t;
        QVERIFY2(t.load(QStringLiteral(":/i18n/sockscope_%1.qm").arg(QLatin1String(lang))), lang);
        QVERIFY(!t.isEmpty());
    }
    // The same lookup app/main.cpp does for a Chinese system locale.
    QTranslator t;
    QVERIFY(t.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("sockscope"),
                   QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(t.translate("sockscope::ConnectionBar", "Listen"), QStringLiteral("监听"));
    // English plurals come from sockscope_en.qm.
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/sockscope_en.qm")));
    QCOMPARE(en.translate("sockscope::MainWindow", "%n peer(s)", nullptr, 1),
             QStringLiteral("%n peer"));
    QCOMPARE(en.translate("sockscope::MainWindow", "%n peer(s)", nullptr, 3),
             QStringLiteral("%n peers"));
}

void tst_Translations::chineseKeyLabels()
{
    installChinese();
    MainWindow *w = makeWindow();
    QTabWidget *tabs = w->sessionTabs();
    QCOMPARE(tabs->count(), 3); // a fresh settings file opens server, client and UDP tabs
    QVERIFY2(tabs->tabText(0).startsWith(QStringLiteral("TCP 服务端")), qPrintable(tabs->tabText(0)));
    QVERIFY2(tabs->tabText(1).startsWith(QStringLiteral("TCP 客户端")), qPrintable(tabs->tabText(1)));
    QVERIFY2(tabs->tabText(2).startsWith(QStringLiteral("UDP")), qPrintable(tabs->tabText(2)));

    SessionTab *server = tab(0);
    QVERIFY(server);
    auto *listen = server->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(listen);
    QCOMPARE(listen->text(), QStringLiteral("监听"));
    auto *send = server->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(send);
    QCOMPARE(send->text(), QStringLiteral("发送(&S)"));
    auto *sendFile = server->findChild<QPushButton *>(QStringLiteral("sendFileButton"));
    QVERIFY(sendFile);
    QCOMPARE(sendFile->text(), QStringLiteral("发送文件(&F)…"));

    const QList<QAction *> menus = w->menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    QCOMPARE(menus.at(0)->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(menus.at(1)->text(), QStringLiteral("会话(&S)"));
    QCOMPARE(menus.at(2)->text(), QStringLiteral("设置(&T)"));
    QCOMPARE(menus.last()->text(), QStringLiteral("帮助(&H)"));

    auto *peers = w->findChild<QLabel *>(QStringLiteral("statusPeers"));
    QVERIFY(peers);
    QCOMPARE(peers->text(), QStringLiteral("0 个对端"));
    auto *rx = w->findChild<QLabel *>(QStringLiteral("statusRx"));
    QVERIFY(rx);
    QVERIFY2(rx->text().startsWith(QStringLiteral("接收 ")), qPrintable(rx->text()));

    if (!screenshotDir().isEmpty()) {
        QDir().mkpath(screenshotDir());
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(50);
            const QString name = QStringList{QStringLiteral("server"), QStringLiteral("client"),
                                             QStringLiteral("udp")}
                                     .value(i, QString::number(i));
            QVERIFY(w->grab().save(screenshotDir() + QStringLiteral("/zh_CN-%1.png").arg(name)));
        }
        // The less visible rows: connection options open, length-prefix framing.
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            if (auto *options = tab(i)->findChild<QToolButton *>(QStringLiteral("optionsToggle")))
                options->setChecked(true);
            if (auto *kind = tab(i)->findChild<QComboBox *>(QStringLiteral("framingKind")))
                kind->setCurrentIndex(kind->count() > 4 ? 4 : 0);
            QTest::qWait(50);
            QVERIFY(w->grab().save(screenshotDir() + QStringLiteral("/zh_CN-options-%1.png").arg(i)));
        }
        AutoReplyDialog dialog{AutoReplyConfig()};
        dialog.resize(900, 560);
        dialog.show();
        QTest::qWait(50);
        QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/zh_CN-autoreply.png")));
    }
}

void tst_Translations::chineseClientAndUdpTabs()
{
    installChinese();
    makeWindow();
    auto *connect = tab(1)->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(connect);
    QCOMPARE(connect->text(), QStringLiteral("连接"));
    auto *open = tab(2)->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(open);
    QCOMPARE(open->text(), QStringLiteral("打开"));
    auto *state = tab(1)->findChild<QLabel *>(QStringLiteral("stateLabel"));
    QVERIFY(state);
    QCOMPARE(state->text(), QStringLiteral("未连接"));
}

// Every visible text in every tab is Chinese apart from names that stay as they are.
QStringList tst_Translations::englishLabels(MainWindow *w) const
{
    QStringList problems;
    auto check = [&](const QString &where, const QString &text) {
        QString plain = text;
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>"))); // rich text tags
        plain.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));  // "(&F)" accelerators
        const QStringList words = englishWords(plain);
        if (!words.isEmpty())
            problems << QStringLiteral("%1 \"%2\" (%3)").arg(where, text, words.join(u' '));
    };
    QTabWidget *tabs = w->sessionTabs();
    for (int i = 0; i < tabs->count(); ++i) {
        check(QStringLiteral("tab %1").arg(i), tabs->tabText(i));
        QWidget *page = tabs->widget(i);
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>())
            if (!b->text().isEmpty() && b->text() != QStringLiteral("+"))
                check(QLatin1String(b->metaObject()->className()) + QStringLiteral(" ") +
                          b->objectName(),
                      b->text());
        for (QLabel *l : page->findChildren<QLabel *>())
            check(QStringLiteral("QLabel ") + l->objectName(), l->text());
        for (QGroupBox *g : page->findChildren<QGroupBox *>())
            check(QStringLiteral("QGroupBox ") + g->objectName(), g->title());
        for (QTabWidget *t : page->findChildren<QTabWidget *>())
            for (int j = 0; j < t->count(); ++j)
                check(QStringLiteral("tab ") + t->objectName(), t->tabText(j));
    }
    const auto menus = w->menuBar()->findChildren<QMenu *>();
    for (QMenu *m : menus) {
        check(QStringLiteral("menu"), m->title());
        for (QAction *a : m->actions())
            if (!a->text().isEmpty() && !a->text().contains(QStringLiteral("中文")))
                check(QStringLiteral("menu item"), a->text());
    }
    return problems;
}

void tst_Translations::noEnglishLeftInChineseWindow()
{
    installChinese();
    const QStringList problems = englishLabels(makeWindow());
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("English left in the Chinese UI:\n  ") +
                                            problems.join(QStringLiteral("\n  "))));
}

void tst_Translations::qtOwnDialogsAreChinese()
{
    if (!m_haveQtBase)
        QSKIP("qtbase_zh_CN.qm is not installed (Debian: qt6-translations-l10n)");
    installChinese();
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    const QString cancel = box.button(QDialogButtonBox::Cancel)->text();
    QVERIFY2(hasChinese(cancel), qPrintable(cancel));
}

void tst_Translations::englishWithoutTranslator()
{
    MainWindow *w = makeWindow();
    QTabWidget *tabs = w->sessionTabs();
    QVERIFY2(tabs->tabText(0).startsWith(QStringLiteral("TCP Server")), qPrintable(tabs->tabText(0)));
    QVERIFY2(tabs->tabText(1).startsWith(QStringLiteral("TCP Client")), qPrintable(tabs->tabText(1)));
    auto *listen = tab(0)->findChild<QPushButton *>(QStringLiteral("startButton"));
    QVERIFY(listen);
    QCOMPARE(listen->text(), QStringLiteral("Listen"));
    auto *send = tab(0)->findChild<QPushButton *>(QStringLiteral("sendButton"));
    QVERIFY(send);
    QCOMPARE(send->text(), QStringLiteral("&Send"));
    QCOMPARE(w->menuBar()->actions().at(0)->text(), QStringLiteral("&File"));
    auto *peers = w->findChild<QLabel *>(QStringLiteral("statusPeers"));
    QVERIFY(peers);
    // No translator: tr()'s own "(s)" fallback, since English plurals live in sockscope_en.qm.
    QCOMPARE(peers->text(), QStringLiteral("0 peer(s)"));
    // The English-label scan is not vacuous: it sees plenty of English here.
    QVERIFY(englishLabels(w).size() > 20);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
