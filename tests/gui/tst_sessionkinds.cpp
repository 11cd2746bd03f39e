// ui/sessionkinds: every session kind has exactly one row, and the places that list kinds
// (the "+" button's menu, File ▸ New session, the tabs of a first start, the connection bar's
// button) read the table, so a new kind (the relay, issue 14) is offered everywhere by one row.
#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/sessionkinds.h"
#include "ui/sessiontab.h"

#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace sockscope;
using namespace Qt::StringLiterals;

namespace {

QList<Session::Mode> everyMode()
{
    QList<Session::Mode> modes;
    const QMetaEnum e = QMetaEnum::fromType<Session::Mode>();
    for (int i = 0; i < e.keyCount(); ++i)
        modes.append(Session::Mode(e.value(i)));
    return modes;
}

QMenu *newSessionMenu(MainWindow &window)
{
    for (QAction *a : window.menuBar()->actions()) {
        if (!a->menu())
            continue;
        for (QAction *item : a->menu()->actions())
            if (item->menu() && item->text() == u"&New session"_s)
                return item->menu();
    }
    return nullptr;
}

} // namespace

class tst_SessionKinds : public QObject
{
    Q_OBJECT

private slots:
    void everyModeHasOneRow();
    void menusOfferEveryKind();
    void buttonSaysTheKindsWords_data();
    void buttonSaysTheKindsWords();
};

void tst_SessionKinds::everyModeHasOneRow()
{
    const QList<SessionKind> &kinds = sessionKinds();
    QCOMPARE(kinds.size(), everyMode().size());
    QSet<QString> names;
    QSet<QKeySequence> shortcuts;
    for (Session::Mode mode : everyMode()) {
        const SessionKind &kind = sessionKind(mode);
        QCOMPARE(kind.mode, mode);
        QVERIFY(!kind.name().isEmpty());
        names.insert(kind.name());
        shortcuts.insert(kind.shortcut());
    }
    QCOMPARE(names.size(), kinds.size());     // tabs and menus tell them apart
    QCOMPARE(shortcuts.size(), kinds.size()); // File ▸ New session has one key each
}

void tst_SessionKinds::menusOfferEveryKind()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(u"sockscope.ini"_s));
    MainWindow window(&settings);
    const QList<SessionKind> &kinds = sessionKinds();

    auto *plus = window.findChild<QToolButton *>(u"newSessionButton"_s);
    QVERIFY(plus && plus->menu());
    const QList<QAction *> plusItems = plus->menu()->actions();
    QMenu *fileNew = newSessionMenu(window);
    QVERIFY(fileNew);
    const QList<QAction *> fileItems = fileNew->actions();
    QCOMPARE(plusItems.size(), kinds.size());
    QCOMPARE(fileItems.size(), kinds.size());
    for (int i = 0; i < kinds.size(); ++i) {
        QCOMPARE(plusItems.at(i)->text(), kinds.at(i).name());
        QCOMPARE(fileItems.at(i)->text(), kinds.at(i).menuText());
        QCOMPARE(fileItems.at(i)->shortcut(), kinds.at(i).shortcut());
    }

    // A first start (no saved sessions) opens the kinds marked for it, in table order.
    auto *tabs = window.findChild<QTabWidget *>(u"sessionTabs"_s);
    QVERIFY(tabs);
    QList<Session::Mode> opened;
    for (int i = 0; i < tabs->count(); ++i)
        opened.append(qobject_cast<SessionTab *>(tabs->widget(i))->mode());
    QList<Session::Mode> expected;
    for (const SessionKind &k : kinds)
        if (k.openAtFirstStart)
            expected.append(k.mode);
    QCOMPARE(opened, expected);

    // Picking an entry opens a tab of that kind.
    const int before = tabs->count();
    fileItems.constLast()->trigger();
    QCOMPARE(tabs->count(), before + 1);
    QCOMPARE(qobject_cast<SessionTab *>(tabs->widget(before))->mode(), kinds.constLast().mode);
}

void tst_SessionKinds::buttonSaysTheKindsWords_data()
{
    QTest::addColumn<Session::Mode>("mode");
    QTest::addColumn<QString>("idle");
    for (Session::Mode mode : everyMode())
        QTest::newRow(qPrintable(Session::modeName(mode))) << mode << sessionKind(mode).startText();
}

void tst_SessionKinds::buttonSaysTheKindsWords()
{
    QFETCH(Session::Mode, mode);
    QFETCH(QString, idle);
    SessionTab tab(mode);
    QCOMPARE(tab.findChild<QPushButton *>(u"startButton"_s)->text(), idle);
    QVERIFY2(tab.title().startsWith(sessionKind(mode).name()), qPrintable(tab.title()));
    // The peer panel is there exactly for the kinds that have one.
    QCOMPARE(tab.findChild<QWidget *>(u"peerList"_s) != nullptr, sessionKind(mode).hasPeerList);
}

QTEST_MAIN(tst_SessionKinds)
#include "tst_sessionkinds.moc"
