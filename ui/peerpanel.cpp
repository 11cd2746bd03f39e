#include "peerpanel.h"

#include "peerlistmodel.h"
#include "sessionkinds.h"

#include "core/session/session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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
    emit selectionChanged();
}

} // namespace sockscope
