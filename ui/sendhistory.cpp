#include "sendhistory.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>

namespace sockscope {

namespace {

const QString KeyFormat = QStringLiteral("format");
const QString KeyContent = QStringLiteral("content");
const QString KeyEncoding = QStringLiteral("encoding");
const QString KeyEscapes = QStringLiteral("escapes");
const QString KeyLineEnding = QStringLiteral("lineEnding");
const QString KeyChecksum = QStringLiteral("checksum");
const QString KeyChecksumOrder = QStringLiteral("checksumOrder");
const QString KeyDynamicFields = QStringLiteral("dynamicFields");
const QString KeyName = QStringLiteral("name");

// Settings backends store bools as strings ("true"); accept both spellings.
bool readBool(const QVariant &value, bool *out)
{
    if (value.typeId() == QMetaType::Bool) {
        *out = value.toBool();
        return true;
    }
    const QString s = value.toString().trimmed().toLower();
    if (s == u"true" || s == u"1") {
        *out = true;
        return true;
    }
    if (s == u"false" || s == u"0") {
        *out = false;
        return true;
    }
    return false;
}

QString visibleControls(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            out += QChar(0x21B5); // ↵ for a CRLF pair
            ++i;
        } else if (c == u'\n' || c == u'\r') {
            out += QChar(0x21B5);
        } else if (c == u'\t') {
            out += QChar(0x2192); // →
        } else if (c.unicode() < 0x20) {
            out += QChar(0x2400 + c.unicode()); // control pictures block
        } else if (c.unicode() == 0x7F) {
            out += QChar(0x2421);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QVariantMap messageSpecToVariant(const MessageSpec &spec)
{
    QVariantMap map;
    map.insert(KeyFormat,
               spec.format == MessageFormat::Hex ? QStringLiteral("hex") : QStringLiteral("text"));
    map.insert(KeyContent, spec.content);
    map.insert(KeyEncoding, encodingName(spec.encoding));
    map.insert(KeyEscapes, spec.escapes);
    map.insert(KeyLineEnding, lineEndingId(spec.lineEnding));
    map.insert(KeyChecksum, checksumId(spec.checksum));
    map.insert(KeyChecksumOrder, spec.checksumOrder == ByteOrder::LittleEndian
                                     ? QStringLiteral("le")
                                     : QStringLiteral("be"));
    map.insert(KeyDynamicFields, spec.dynamicFields);
    return map;
}

bool messageSpecFromVariant(const QVariantMap &map, MessageSpec *spec)
{
    if (!map.contains(KeyContent))
        return false;
    const QVariant contentValue = map.value(KeyContent);
    // A list means a backend split the string at commas: not our data.
    if (contentValue.typeId() == QMetaType::QStringList)
        return false;

    MessageSpec s;
    s.content = contentValue.toString();
    if (map.contains(KeyFormat)) {
        const QString format = map.value(KeyFormat).toString().trimmed().toLower();
        if (format == u"hex")
            s.format = MessageFormat::Hex;
        else if (format == u"text")
            s.format = MessageFormat::Text;
        else
            return false;
    }
    if (map.contains(KeyEncoding) &&
        !encodingFromName(map.value(KeyEncoding).toString().trimmed(), &s.encoding))
        return false;
    if (map.contains(KeyEscapes) && !readBool(map.value(KeyEscapes), &s.escapes))
        return false;
    if (map.contains(KeyLineEnding) &&
        !lineEndingFromName(map.value(KeyLineEnding).toString(), &s.lineEnding))
        return false;
    if (map.contains(KeyChecksum)) {
        if (!checksumKindFromName(map.value(KeyChecksum).toString().trimmed(), &s.checksum))
            return false;
        s.checksumOrder = defaultByteOrder(s.checksum);
    }
    if (map.contains(KeyChecksumOrder)) {
        const QString order = map.value(KeyChecksumOrder).toString().trimmed().toLower();
        if (order == u"le")
            s.checksumOrder = ByteOrder::LittleEndian;
        else if (order == u"be")
            s.checksumOrder = ByteOrder::BigEndian;
        else
            return false;
    }
    if (map.contains(KeyDynamicFields) && !readBool(map.value(KeyDynamicFields), &s.dynamicFields))
        return false;
    *spec = s;
    return true;
}

QString messageSummary(const MessageSpec &spec, int maxChars)
{
    QString text = visibleControls(spec.content);
    if (spec.format == MessageFormat::Hex)
        text = MessageListModel::tr("HEX %1").arg(text.simplified());
    if (maxChars > 1 && text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026); // …
    return text;
}

QString messageDetails(const MessageSpec &spec)
{
    QStringList options;
    options << (spec.format == MessageFormat::Hex ? MessageListModel::tr("Hex")
                                                  : MessageListModel::tr("Text"));
    options << encodingName(spec.encoding);
    if (spec.format == MessageFormat::Text && spec.escapes)
        options << MessageListModel::tr("escapes");
    switch (spec.lineEnding) {
    case LineEnding::None:
        break;
    case LineEnding::LF:
        options << MessageListModel::tr("+ \\n");
        break;
    case LineEnding::CRLF:
        options << MessageListModel::tr("+ \\r\\n");
        break;
    case LineEnding::CR:
        options << MessageListModel::tr("+ \\r");
        break;
    }
    if (spec.checksum != ChecksumKind::None) {
        options << MessageListModel::tr("+ %1 (%2)")
                       .arg(checksumDisplayName(spec.checksum),
                            spec.checksumOrder == ByteOrder::LittleEndian
                                ? MessageListModel::tr("LE")
                                : MessageListModel::tr("BE"));
    }
    if (spec.dynamicFields)
        options << MessageListModel::tr("dynamic fields");

    QString content = spec.content;
    constexpr int MaxTooltipChars = 600;
    if (content.size() > MaxTooltipChars)
        content = content.left(MaxTooltipChars) + QChar(0x2026);
    // Rich text so that "<" in the message is shown, not parsed.
    return QStringLiteral("<p><i>%1</i></p><pre>%2</pre>")
        .arg(options.join(QStringLiteral(", ")).toHtmlEscaped(), content.toHtmlEscaped());
}

// --- MessageListModel ------------------------------------------------------

MessageListModel::MessageListModel(bool named, QObject *parent)
    : QAbstractListModel(parent), m_named(named)
{}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_named ? entry.name : messageSummary(entry.spec);
    case Qt::EditRole:
        return m_named ? entry.name : entry.spec.content;
    case Qt::ToolTipRole:
        return m_named ? QStringLiteral("<p><b>%1</b></p>").arg(entry.name.toHtmlEscaped()) +
                             messageDetails(entry.spec)
                       : messageDetails(entry.spec);
    case SpecRole:
        return messageSpecToVariant(entry.spec);
    case NameRole:
        return entry.name;
    default:
        return {};
    }
}

bool MessageListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_entries.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_entries.remove(row, count);
    endRemoveRows();
    return true;
}

MessageSpec MessageListModel::spec(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).spec : MessageSpec{};
}

QString MessageListModel::name(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).name : QString();
}

void MessageListModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_entries.size()) - 1);
    m_entries.clear();
    endRemoveRows();
}

void MessageListModel::save(QSettings &settings, const QString &group) const
{
    // Clear the old array first: a shorter list must not leave stale entries.
    settings.remove(group);
    settings.beginWriteArray(group, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        settings.setArrayIndex(i);
        const Entry &entry = m_entries.at(i);
        if (m_named)
            settings.setValue(KeyName, entry.name);
        const QVariantMap map = messageSpecToVariant(entry.spec);
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            settings.setValue(it.key(), it.value());
    }
    settings.endArray();
}

int MessageListModel::load(QSettings &settings, const QString &group)
{
    QList<Entry> entries;
    const int size = settings.beginReadArray(group);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        QVariantMap map;
        const QStringList keys = settings.childKeys();
        for (const QString &key : keys)
            map.insert(key, settings.value(key));
        Entry entry;
        if (!messageSpecFromVariant(map, &entry.spec))
            continue;
        if (m_named)
            entry.name = map.value(KeyName).toString();
        entries.append(entry);
    }
    settings.endArray();

    beginResetModel();
    m_entries = normalized(entries);
    endResetModel();
    return int(m_entries.size());
}

// --- SendHistoryModel ------------------------------------------------------

SendHistoryModel::SendHistoryModel(QObject *parent) : MessageListModel(false, parent) {}

void SendHistoryModel::add(const MessageSpec &spec)
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                 [&spec](const Entry &e) { return e.spec == spec; });
    if (it != m_entries.cend()) {
        const int row = int(it - m_entries.cbegin());
        if (row == 0)
            return;
        beginMoveRows({}, row, row, {}, 0);
        m_entries.move(row, 0);
        endMoveRows();
        return;
    }
    if (m_capacity <= 0)
        return;
    // Evict first so the row count never exceeds the cap, even transiently.
    if (m_entries.size() >= m_capacity)
        removeRows(m_capacity - 1, int(m_entries.size()) - m_capacity + 1);
    beginInsertRows({}, 0, 0);
    m_entries.prepend(Entry{QString(), spec});
    endInsertRows();
}

void SendHistoryModel::setCapacity(int capacity)
{
    m_capacity = std::max(0, capacity);
    trim();
}

void SendHistoryModel::trim()
{
    if (m_entries.size() > m_capacity)
        removeRows(m_capacity, int(m_entries.size()) - m_capacity);
}

QList<MessageListModel::Entry> SendHistoryModel::normalized(QList<Entry> entries) const
{
    QList<Entry> out;
    for (const Entry &entry : entries) {
        if (out.size() >= m_capacity)
            break;
        const bool seen = std::any_of(out.cbegin(), out.cend(),
                                      [&entry](const Entry &e) { return e.spec == entry.spec; });
        if (!seen)
            out.append(entry);
    }
    return out;
}

// --- SendPresetModel -------------------------------------------------------

SendPresetModel::SendPresetModel(QObject *parent) : MessageListModel(true, parent) {}

Qt::ItemFlags SendPresetModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = MessageListModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsEditable;
    return f;
}

bool SendPresetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    return rename(index.row(), value.toString());
}

QModelIndex SendPresetModel::addPreset(const QString &name, const MessageSpec &spec)
{
    QString n = name.trimmed();
    if (n.isEmpty())
        n = messageSummary(spec, 40);
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(Entry{n, spec});
    endInsertRows();
    return index(row);
}

bool SendPresetModel::rename(int row, const QString &name)
{
    const QString n = name.trimmed();
    if (row < 0 || row >= m_entries.size() || n.isEmpty())
        return false;
    if (m_entries[row].name == n)
        return true;
    m_entries[row].name = n;
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, NameRole});
    return true;
}

} // namespace sockscope
