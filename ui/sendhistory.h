#pragma once

#include "core/message/message.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QVariantMap>

class QSettings;

namespace sockscope {

// MessageSpec <-> QVariantMap with stable, human-readable ids ("hex", "GBK",
// "crlf", "crc16-modbus", "le"), so settings files survive enum reordering.
QVariantMap messageSpecToVariant(const MessageSpec &spec);
// False (and *spec untouched) when a field is present but not understood, or
// the content is missing. Missing option keys keep the MessageSpec defaults.
bool messageSpecFromVariant(const QVariantMap &map, MessageSpec *spec);

// One line for lists and menus: control characters made visible, "HEX" tag in
// hex mode, elided after maxChars characters.
QString messageSummary(const MessageSpec &spec, int maxChars = 80);
// Multi-line description with the options, for tooltips.
QString messageDetails(const MessageSpec &spec);

// A list of messages, optionally named. Base of the history and the presets.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageListModel)

public:
    enum Role
    {
        SpecRole = Qt::UserRole + 1, // QVariantMap from messageSpecToVariant()
        NameRole,                    // the preset name (empty in the history)
    };

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    MessageSpec spec(int row) const;
    QString name(int row) const;
    void clear();

    // Writes all entries as an array named `group` (beginWriteArray), in the
    // settings' current group.
    void save(QSettings &settings, const QString &group) const;
    // Replaces the entries with the array `group`; entries that do not parse are
    // skipped. Returns the number of entries loaded.
    int load(QSettings &settings, const QString &group);

protected:
    struct Entry
    {
        QString name;
        MessageSpec spec;
    };

    explicit MessageListModel(bool named, QObject *parent);
    // Hook for load(): lets the history drop duplicates and apply its cap.
    virtual QList<Entry> normalized(QList<Entry> entries) const { return entries; }

    QList<Entry> m_entries;

private:
    bool m_named;
};

// Messages that were sent, most recent first, without duplicates, capped.
class SendHistoryModel : public MessageListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendHistoryModel)

public:
    static constexpr int DefaultCapacity = 100;

    explicit SendHistoryModel(QObject *parent = nullptr);

    // Puts spec at the top; an equal entry further down moves up instead.
    void add(const MessageSpec &spec);

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity); // drops the oldest entries beyond it

protected:
    QList<Entry> normalized(QList<Entry> entries) const override;

private:
    void trim();

    int m_capacity = DefaultCapacity;
};

// Named quick-send messages, in the order the user added them. Names are
// editable in place (Qt::EditRole) and are not required to be unique.
class SendPresetModel : public MessageListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendPresetModel)

public:
    explicit SendPresetModel(QObject *parent = nullptr);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Appends a preset; a blank name is replaced by the message summary.
    QModelIndex addPreset(const QString &name, const MessageSpec &spec);
    bool rename(int row, const QString &name); // false for a blank name or bad row
};

} // namespace sockscope
