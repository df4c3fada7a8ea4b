#include "client-qt/sales/event_picker.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace usher::sales {

namespace {

constexpr auto kStillOnSaleAfterStart = std::chrono::hours(6);

QDateTime toDateTime(Timestamp t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
}

} // namespace

EventPicker::EventPicker(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_message(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search->setPlaceholderText(tr("Search performances (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search performances"));
    m_list->setAccessibleName(tr("Performances"));
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_search);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    connect(m_search, &QLineEdit::textChanged, this, &EventPicker::refilter);
    // Enter in the search field picks the first match: type three letters, press Enter, sell.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        for (int row = 0; row < m_list->count(); ++row) {
            if (!m_list->item(row)->isHidden()) {
                pick(row);
                return;
            }
        }
    });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { pick(m_list->row(item)); });
}

void EventPicker::setEvents(std::vector<protocol::EventSummary> events, Timestamp now) {
    std::erase_if(events,
                  [&](const protocol::EventSummary& e) { return e.startsAt + kStillOnSaleAfterStart < now; });
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.startsAt < b.startsAt; });
    m_events = std::move(events);
    m_message->hide();
    m_list->clear();
    const QLocale locale;
    // The locale's short time without seconds (some locales' short format has them).
    const QString timeFormat = locale.timeFormat(QLocale::ShortFormat).remove(QStringLiteral(":ss"));
    for (const protocol::EventSummary& event : m_events) {
        const QDateTime starts = toDateTime(event.startsAt);
        const QString when = locale.toString(starts.date(), QStringLiteral("ddd d MMM yyyy")) +
                             QStringLiteral(", ") + locale.toString(starts.time(), timeFormat);
        const QString free = event.availability.available == 0
                                 ? tr("sold out")
                                 : tr("%1 of %2 free")
                                       .arg(locale.toString(event.availability.available),
                                            locale.toString(event.availability.total));
        auto* item = new QListWidgetItem(tr("%1\n%2\n%3, %4 · %5")
                                             .arg(QString::fromStdString(event.name), when,
                                                  QString::fromStdString(event.venue),
                                                  QString::fromStdString(event.city), free),
                                         m_list);
        item->setData(Qt::AccessibleTextRole, item->text().replace(QLatin1Char('\n'), QStringLiteral(", ")));
    }
    refilter();
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }
}

void EventPicker::setMessage(const QString& message) {
    m_message->setText(message);
    m_message->show();
}

void EventPicker::refilter() {
    const QString needle = m_search->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        const auto& event = m_events[static_cast<std::size_t>(row)];
        const QString haystack = QString::fromStdString(event.name + " " + event.venue + " " + event.city);
        m_list->item(row)->setHidden(!needle.isEmpty() && !haystack.contains(needle, Qt::CaseInsensitive));
    }
}

QStringList EventPicker::shown() const {
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        if (!m_list->item(row)->isHidden()) {
            names << QString::fromStdString(m_events[static_cast<std::size_t>(row)].name);
        }
    }
    return names;
}

void EventPicker::pick(int row) {
    if (row < 0 || row >= m_list->count()) {
        return;
    }
    m_list->setCurrentRow(row);
    Q_EMIT eventPicked(m_events[static_cast<std::size_t>(row)]);
}

} // namespace usher::sales
