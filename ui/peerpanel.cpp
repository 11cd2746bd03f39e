#include "peerpanel.h"

#include "peerlistmodel.h"
#include "sessionkinds.h"

#include "core/session/relaycontrol.h"
#include "core/session/session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sockscope {

PeerPanel::PeerPanel(Session *session, const SessionKind &kind, QWidget *parent)
    : QWidget(parent), m_session(session), m_kind(kind)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildList();
    layout->addWidget(m_view, 1);
    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("sendTarget"));
    m_target->setWordWrap(true);
    layout->addWidget(m_target);
    buildButtons(layout);
    if (m_session->relay())
        buildRelayButtons(layout);
    // The selection is the send target: whatever changes it (a click, rows removed, a
    // reset) refreshes the button here and, through selectionChanged, the label, the log
    // filter and the send buttons.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PeerPanel::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PeerPanel::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PeerPanel::onSelectionChanged);
    onSelectionChanged();
}

void PeerPanel::buildList()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("peerList"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_model = new PeerListModel(this);
    m_model->setSession(m_session);
    m_view->setModel(m_model);
    setupColumns();
    m_view->setToolTip(tr("Select peers to send only to them and to show only their "
                          "messages. With nothing selected, sends go to all peers."));
}

void PeerPanel::buildButtons(QVBoxLayout *lines)
{
    auto *all = new QToolButton(this);
    all->setText(tr("All peers"));
    all->setObjectName(QStringLiteral("selectAllPeers"));
    all->setToolTip(tr("Clear the selection: send to every peer and show every message."));
    // Acts on the selection only, so it is off while nothing is selected (see
    // onSelectionChanged): with nothing selected it would have to guess "all" or "nothing".
    m_drop = new QToolButton(this);
    m_drop->setText(m_kind.dropPeersText());
    m_drop->setObjectName(QStringLiteral("disconnectPeers"));
    auto *clearClosed = new QToolButton(this);
    clearClosed->setText(tr("Clear closed"));
    clearClosed->setObjectName(QStringLiteral("clearClosedPeers"));
    clearClosed->setToolTip(tr("Remove peers that have left from the list."));
    auto *first = new QHBoxLayout;
    first->addWidget(all);
    first->addWidget(m_drop);
    first->addStretch();
    lines->addLayout(first);
    auto *second = new QHBoxLayout;
    second->addWidget(clearClosed);
    second->addStretch();
    lines->addLayout(second);
    connect(all, &QToolButton::clicked, m_view, &QTreeView::clearSelection);
    connect(m_drop, &QToolButton::clicked, this, [this] {
        for (quint32 id : selectedPeers())
            m_session->disconnectPeer(id);
    });
    connect(clearClosed, &QToolButton::clicked, this, [this] {
        m_session->clearClosedPeers();
        m_model->resync();
    });
}

void PeerPanel::setupColumns()
{
    // The endpoint and the counters stay whole and in view without horizontal scrolling;
    // the state takes the room left and is elided first (its tooltip has it whole). "Since"
    // lives in the row's tooltip.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(QStringLiteral("000")));
    m_view->setColumnHidden(PeerListModel::Opened, true);
    header->setSectionResizeMode(PeerListModel::State, QHeaderView::Stretch);
    for (int c : {PeerListModel::Endpoint, PeerListModel::RxBytes, PeerListModel::TxBytes,
                  PeerListModel::RxFrames})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setTextElideMode(Qt::ElideRight);
    // TLS after the state, sharing the room left with it (elided first, whole in the
    // tooltip), and only once some peer speaks it: a narrow list keeps its counters in view.
    header->setSectionResizeMode(PeerListModel::Tls, QHeaderView::Stretch);
    header->moveSection(header->visualIndex(PeerListModel::Tls),
                        header->visualIndex(PeerListModel::State) + 1);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &PeerPanel::fitTlsColumn);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PeerPanel::fitTlsColumn);
    m_view->viewport()->installEventFilter(this);
    fitTlsColumn();
}

// The TLS column only where it fits beside the others whole; where it does not (a peer list
// at 900 px has no room to spare), each TLS peer's state shows a padlock and its tooltip the
// TLS details.
void PeerPanel::fitTlsColumn()
{
    bool show = m_model->anyTls();
    if (show) {
        const QHeaderView *header = m_view->header();
        const QAbstractItemView *view = m_view; // sizeHintForColumn is public there
        int need = 0;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            if (c == PeerListModel::Tls || m_view->isColumnHidden(c))
                continue;
            need += header->sectionResizeMode(c) == QHeaderView::Stretch
                        ? header->minimumSectionSize() * 2
                        : qMax(view->sizeHintForColumn(c), header->sectionSizeHint(c));
        }
        need += qMax(view->sizeHintForColumn(PeerListModel::Tls),
                     header->sectionSizeHint(PeerListModel::Tls));
        show = need <= m_view->viewport()->width();
    }
    if (show == !m_view->isColumnHidden(PeerListModel::Tls))
        return;
    m_view->setColumnHidden(PeerListModel::Tls, !show);
}

bool PeerPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitTlsColumn();
    return QWidget::eventFilter(watched, event);
}

QList<quint32> PeerPanel::selectedPeers() const
{
    QList<quint32> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        ids.append(m_model->peerIdAt(i.row()));
    return ids;
}

void PeerPanel::setTargetText(const QString &text)
{
    m_target->setText(text);
}

void PeerPanel::onSelectionChanged()
{
    const bool any = !selectedPeers().isEmpty();
    m_drop->setEnabled(any);
    m_drop->setToolTip(m_kind.dropPeersTip(any));
    updateRelayButtons();
    emit selectionChanged();
}

QList<quint32> PeerPanel::relayPairs(const Session *session, const QList<quint32> &selected)
{
    QList<quint32> pairs;
    if (selected.isEmpty()) {
        for (quint32 id : session->peerIds()) {
            const PeerInfo *p = session->peer(id);
            if (p && p->side == PeerInfo::Side::Client && p->isOpen())
                pairs.append(id);
        }
        return pairs;
    }
    for (quint32 id : selected) {
        const PeerInfo *p = session->peer(id);
        const quint32 client = p && p->isUpstream() ? p->partner : id;
        if (client != 0 && !pairs.contains(client))
            pairs.append(client);
    }
    return pairs;
}

QList<quint32> PeerPanel::connectedPairs(const Session *session)
{
    QList<quint32> pairs;
    for (quint32 id : relayPairs(session, {})) {
        const PeerInfo *up = session->peer(session->peer(id)->partner);
        if (up && up->isOpen())
            pairs.append(id);
    }
    return pairs;
}

void PeerPanel::buildRelayButtons(QVBoxLayout *lines)
{
    auto button = [this](const QString &text, const char *name, bool checkable) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(QLatin1String(name));
        b->setCheckable(checkable);
        return b;
    };
    m_holdC2S = button(tr("Hold C→S"), "holdClientToServer", true);
    m_holdS2C = button(tr("Hold S→C"), "holdServerToClient", true);
    m_release = button(tr("Release"), "releaseHeld", false);
    m_dropHeld = button(tr("Drop"), "dropHeld", false);
    m_held = new QLabel(this);
    m_held->setObjectName(QStringLiteral("heldText"));
    m_held->setWordWrap(true);
    // Two rows of two, so the panel stays narrow enough for the log beside it (900 px wide),
    // and the panel's rows closer together: a relay's receive options take a row more, and
    // its tab still fits a 600 px high screen.
    lines->setSpacing(2);
    auto *holds = new QHBoxLayout;
    for (QToolButton *b : {m_holdC2S, m_holdS2C})
        holds->addWidget(b);
    holds->addStretch();
    lines->addLayout(holds);
    auto *row = new QHBoxLayout;
    for (QToolButton *b : {m_release, m_dropHeld})
        row->addWidget(b);
    row->addStretch();
    lines->addLayout(row);
    lines->addWidget(m_held);
    // clicked, not toggled: updateRelayButtons() sets the check state from the session.
    connect(m_holdC2S, &QToolButton::clicked, this, [this](bool on) { setHolding(true, on); });
    connect(m_holdS2C, &QToolButton::clicked, this, [this](bool on) { setHolding(false, on); });
    connect(m_release, &QToolButton::clicked, this, &PeerPanel::releaseHeld);
    connect(m_dropHeld, &QToolButton::clicked, this, &PeerPanel::dropHeld);
    connect(m_session, &Session::peersUpdated, this, &PeerPanel::updateRelayButtons);
    connect(m_session, &Session::peerOpened, this, &PeerPanel::updateRelayButtons);
    connect(m_session, &Session::peerClosed, this, &PeerPanel::updateRelayButtons);
    addSideDisconnects();
}

// Disconnect closes a pair from its client side; its menu picks the side that goes first (the
// other follows, told why), to see how each end copes with the other leaving.
void PeerPanel::addSideDisconnects()
{
    auto *menu = new QMenu(m_drop);
    QAction *client = menu->addAction(tr("Disconnect the client side"));
    client->setObjectName(QStringLiteral("disconnectClientSide"));
    client->setToolTip(tr("Close the connection to the client first, as if the device left; "
                          "the connection to the server follows."));
    QAction *server = menu->addAction(tr("Disconnect the server side"));
    server->setObjectName(QStringLiteral("disconnectServerSide"));
    server->setToolTip(tr("Close the connection to the server first, as if the server went "
                          "away; the connection to the client follows."));
    menu->setToolTipsVisible(true);
    m_drop->setMenu(menu);
    m_drop->setPopupMode(QToolButton::MenuButtonPopup);
    auto disconnectSides = [this](bool clientSide) {
        for (quint32 side : relaySides(clientSide))
            m_session->disconnectPeer(side);
    };
    connect(client, &QAction::triggered, this, [disconnectSides] { disconnectSides(true); });
    connect(server, &QAction::triggered, this, [disconnectSides] { disconnectSides(false); });
}

QList<quint32> PeerPanel::relaySides(bool towardsServer) const
{
    QList<quint32> sides;
    for (quint32 client : relayPairs(m_session, selectedPeers())) {
        const PeerInfo *c = m_session->peer(client);
        const quint32 side = !c ? 0 : towardsServer ? client : c->partner;
        if (side != 0)
            sides.append(side);
    }
    return sides;
}

void PeerPanel::updateRelayButtons()
{
    if (!m_held)
        return;
    const bool selected = !selectedPeers().isEmpty();
    const int pairs = int(relayPairs(m_session, selectedPeers()).size());
    struct Direction
    {
        QToolButton *hold;
        bool towardsServer;
        qint64 held = 0;
    } directions[] = {{m_holdC2S, true}, {m_holdS2C, false}};
    for (Direction &d : directions) {
        const QList<quint32> sides = relaySides(d.towardsServer);
        bool all = !sides.isEmpty();
        for (quint32 id : sides) {
            const PeerInfo *p = m_session->peer(id);
            all = all && p && p->holding;
            d.held += p ? p->heldBytes : 0;
        }
        d.hold->setChecked(all);
        d.hold->setEnabled(pairs > 0);
    }
    const qint64 held = directions[0].held + directions[1].held;
    m_release->setEnabled(held > 0);
    m_dropHeld->setEnabled(held > 0);
    const QString scope =
        selected ? tr("%n selected pair(s)", nullptr, pairs) : tr("all %n pair(s)", nullptr, pairs);
    const QLocale locale;
    m_held->setText(tr("Held on %1: C→S %2, S→C %3")
                        .arg(scope, locale.formattedDataSize(directions[0].held),
                             locale.formattedDataSize(directions[1].held)));
    updateRelayTips(selected);
}

void PeerPanel::updateRelayTips(bool selected)
{
    const QString on =
        selected ? tr("Acts on the selected pairs.") : tr("Acts on every pair (none is selected).");
    m_holdC2S->setToolTip(tr("Hold what the clients send to the server; it waits here until "
                             "you release or drop it.") +
                          QLatin1Char('\n') + on);
    m_holdS2C->setToolTip(tr("Hold what the server sends to the clients; it waits here until "
                             "you release or drop it.") +
                          QLatin1Char('\n') + on);
    m_release->setToolTip(tr("Pass on what is held, in order, in both directions. A hold "
                             "stays on until you uncheck it.") +
                          QLatin1Char('\n') + on);
    m_dropHeld->setToolTip(tr("Discard what is held in both directions; it is never passed "
                              "on.") +
                           QLatin1Char('\n') + on);
}

void PeerPanel::setHolding(bool towardsServer, bool hold)
{
    for (quint32 side : relaySides(towardsServer))
        m_session->relay()->setHolding(side, hold);
    updateRelayButtons();
}

void PeerPanel::releaseHeld()
{
    for (bool towardsServer : {true, false}) {
        for (quint32 side : relaySides(towardsServer))
            m_session->relay()->releaseHeld(side);
    }
    updateRelayButtons();
}

bool PeerPanel::confirmDrop(qint64 held)
{
    QMessageBox box(QMessageBox::Question, tr("Drop held data"),
                    tr("Discard %1 held? It will never reach the other side.")
                        .arg(QLocale().formattedDataSize(held)),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDropHeld"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void PeerPanel::dropHeld()
{
    qint64 held = 0;
    QList<quint32> sides = relaySides(true) + relaySides(false);
    for (quint32 side : sides) {
        if (const PeerInfo *p = m_session->peer(side))
            held += p->heldBytes;
    }
    if (held > DropConfirmBytes && !confirmDrop(held))
        return;
    for (quint32 side : sides)
        m_session->relay()->dropHeld(side);
    updateRelayButtons();
}

} // namespace sockscope
