#include "client-qt/admin/event_form.h"

#include "client-qt/core/money_text.h"
#include "client-qt/core/time_text.h"
#include "common/pricing/price_table_json.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace usher::admin {
namespace {

using core::toDateTime;
using core::toTimestamp;

QDateTimeEdit* timeField(QWidget* parent, const QDateTime& value) {
    auto* field = new QDateTimeEdit(value, parent);
    field->setCalendarPopup(true);
    field->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return field;
}

// "Adult, Child (reduced)" -> ids "adult", "child-reduced".
std::string idOf(const QString& name) {
    std::string id;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            id += static_cast<char>(c.unicode());
        } else if (!id.empty() && id.back() != '-') {
            id += '-';
        }
    }
    while (!id.empty() && id.back() == '-') {
        id.pop_back();
    }
    return id.empty() ? std::string("type") : id;
}

QStringList typeNames(const QLineEdit& field) {
    QStringList names;
    for (const QString& part : field.text().split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty()) {
            names << part.trimmed();
        }
    }
    return names;
}

} // namespace

EventForm::EventForm(std::vector<protocol::VenueInfo> venues, LayoutLoader layouts, QWidget* parent)
    : QDialog(parent), m_venues(std::move(venues)), m_layouts(std::move(layouts)),
      m_name(new QLineEdit(this)), m_category(new QComboBox(this)), m_description(new QPlainTextEdit(this)),
      m_venue(new QComboBox(this)), m_layoutVersion(new QSpinBox(this)), m_starts(nullptr), m_doors(nullptr),
      m_saleStarts(nullptr), m_saleEnds(nullptr), m_holdMinutes(new QSpinBox(this)),
      m_perOrder(new QSpinBox(this)), m_perCustomer(new QSpinBox(this)), m_currency(new QComboBox(this)),
      m_ticketTypes(new QLineEdit(tr("Adult, Child"), this)), m_prices(new QTableWidget(this)),
      m_problem(new QLabel(this)) {
    setWindowTitle(tr("Event"));
    const QDateTime evening = QDateTime(QDate::currentDate().addDays(30), QTime(20, 0));
    m_starts = timeField(this, evening);
    m_doors = timeField(this, evening.addSecs(-3600));
    m_saleStarts = timeField(this, QDateTime::currentDateTime());
    m_saleEnds = timeField(this, evening);
    m_category->setEditable(true);
    m_category->addItems({QStringLiteral("concert"), QStringLiteral("theatre"), QStringLiteral("sport"),
                          QStringLiteral("comedy"), QStringLiteral("family"), QStringLiteral("festival")});
    for (const protocol::VenueInfo& venue : m_venues) {
        m_venue->addItem(
            tr("%1 (%2)").arg(QString::fromStdString(venue.name), QString::fromStdString(venue.city)),
            QString::fromStdString(venue.id));
    }
    m_layoutVersion->setRange(1, 1);
    m_holdMinutes->setRange(1, 60);
    m_holdMinutes->setValue(10);
    m_holdMinutes->setSuffix(tr(" min"));
    m_perOrder->setRange(1, 50);
    m_perOrder->setValue(10);
    m_perCustomer->setRange(0, 1000);
    m_perCustomer->setSpecialValueText(tr("no limit"));
    m_currency->addItems(
        {QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("CHF")});
    m_prices->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_prices->setAccessibleName(tr("Prices per category and ticket type"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_name);
    form->addRow(tr("Cate&gory:"), m_category);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Venue:"), m_venue);
    form->addRow(tr("&Layout version:"), m_layoutVersion);
    form->addRow(tr("&Starts:"), m_starts);
    form->addRow(tr("D&oors open:"), m_doors);
    form->addRow(tr("Sale &opens:"), m_saleStarts);
    form->addRow(tr("Sale &closes:"), m_saleEnds);
    form->addRow(tr("Seats are &held for:"), m_holdMinutes);
    form->addRow(tr("Tickets per &order:"), m_perOrder);
    form->addRow(tr("Tickets per c&ustomer:"), m_perCustomer);
    form->addRow(tr("C&urrency:"), m_currency);
    form->addRow(tr("Tic&ket types:"), m_ticketTypes);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QString error;
        if (input(&error)) {
            accept();
        } else {
            m_problem->setText(error);
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Prices (every category needs the first ticket type's price):"), this));
    layout->addWidget(m_prices, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 720);

    connect(m_venue, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && static_cast<std::size_t>(index) < m_venues.size()) {
            const int latest =
                static_cast<int>(m_venues[static_cast<std::size_t>(index)].layoutVersion.value_or(1));
            m_layoutVersion->setRange(1, latest);
            m_layoutVersion->setValue(latest);
        }
        loadCategories();
    });
    connect(m_layoutVersion, &QSpinBox::valueChanged, this, &EventForm::loadCategories);
    connect(m_ticketTypes, &QLineEdit::editingFinished, this, &EventForm::rebuildPrices);
    if (!m_venues.empty()) {
        m_venue->setCurrentIndex(-1);
        m_venue->setCurrentIndex(0);
    }
}

void EventForm::load(const protocol::EventAdminView& event) {
    m_name->setText(QString::fromStdString(event.name));
    m_category->setCurrentText(QString::fromStdString(event.category));
    m_description->setPlainText(QString::fromStdString(event.description));
    m_venue->setCurrentIndex(m_venue->findData(QString::fromStdString(event.venueId)));
    m_venue->setEnabled(false);
    m_starts->setDateTime(toDateTime(event.startsAt));
    m_doors->setDateTime(toDateTime(event.doorsAt.value_or(event.startsAt)));
    m_saleStarts->setDateTime(toDateTime(event.saleStartsAt));
    m_saleEnds->setDateTime(toDateTime(event.saleEndsAt));
    m_holdMinutes->setValue(static_cast<int>(event.holdTtlSeconds / 60));
    m_perOrder->setValue(static_cast<int>(event.maxPerOrder));
    m_perCustomer->setValue(static_cast<int>(event.maxPerCustomer));
    json::Decoder decoder;
    PriceTable prices;
    decode(decoder, event.prices, prices);
    if (decoder.ok()) {
        m_loadedPrices = prices;
        m_currency->setCurrentText(QString::fromLatin1(prices.currency().code().data(), 3));
        QStringList names;
        for (const TicketType& type : prices.ticketTypes()) {
            names << QString::fromStdString(type.name);
        }
        m_ticketTypes->setText(names.join(QStringLiteral(", ")));
    }
    m_layoutVersion->setValue(static_cast<int>(event.layoutVersion));
    loadCategories();
}

void EventForm::loadCategories() {
    const QString venue = m_venue->currentData().toString();
    if (venue.isEmpty() || !m_layouts) {
        return;
    }
    m_categoriesLoaded = false;
    // The form may be closed before the layout arrives.
    m_layouts(venue, m_layoutVersion->value(),
              [self = QPointer<EventForm>(this)](std::optional<layout::VenueLayout> venueLayout) {
                  if (!self) {
                      return;
                  }
                  self->m_categories =
                      venueLayout ? venueLayout->categories : std::vector<layout::PriceCategory>{};
                  self->rebuildPrices();
                  self->m_categoriesLoaded = venueLayout.has_value();
              });
}

void EventForm::rebuildPrices() {
    const QStringList types = typeNames(*m_ticketTypes);
    // Keep what was typed in cells that stay.
    QHash<QString, QString> typed;
    for (int row = 0; row < m_prices->rowCount(); ++row) {
        for (int column = 0; column < m_prices->columnCount(); ++column) {
            if (const QTableWidgetItem* cell = m_prices->item(row, column)) {
                typed[m_prices->verticalHeaderItem(row)->data(Qt::UserRole).toString() + QLatin1Char('\x1f') +
                      m_prices->horizontalHeaderItem(column)->text()] = cell->text();
            }
        }
    }
    m_prices->clear();
    m_prices->setRowCount(static_cast<int>(m_categories.size()));
    m_prices->setColumnCount(static_cast<int>(types.size()));
    m_prices->setHorizontalHeaderLabels(types);
    const std::optional<Currency> currency = Currency::fromCode(m_currency->currentText().toStdString());
    for (int row = 0; row < static_cast<int>(m_categories.size()); ++row) {
        const layout::PriceCategory& category = m_categories[static_cast<std::size_t>(row)];
        auto* header = new QTableWidgetItem(QString::fromStdString(category.name));
        header->setData(Qt::UserRole, QString::fromStdString(category.id));
        m_prices->setVerticalHeaderItem(row, header);
        for (int column = 0; column < types.size(); ++column) {
            QString text =
                typed.value(QString::fromStdString(category.id) + QLatin1Char('\x1f') + types[column]);
            if (text.isEmpty()) {
                const auto price = m_loadedPrices.price(category.id, idOf(types[column]));
                if (price && currency) {
                    text = core::moneyText(*price);
                }
            }
            m_prices->setItem(row, column, new QTableWidgetItem(text));
        }
    }
}

std::optional<PriceTable> EventForm::prices(QString* error) const {
    const auto currency = Currency::fromCode(m_currency->currentText().toStdString());
    const QStringList types = typeNames(*m_ticketTypes);
    if (!currency || types.isEmpty()) {
        *error = tr("Name at least one ticket type.");
        return std::nullopt;
    }
    PriceTable table(*currency);
    for (const QString& type : types) {
        if (!table.addTicketType({idOf(type), type.toStdString()})) {
            *error = tr("Ticket type \"%1\" is named twice.").arg(type);
            return std::nullopt;
        }
    }
    for (int row = 0; row < m_prices->rowCount(); ++row) {
        for (int column = 0; column < m_prices->columnCount(); ++column) {
            const QTableWidgetItem* cell = m_prices->item(row, column);
            const QString text = cell != nullptr ? cell->text().trimmed() : QString();
            if (text.isEmpty()) {
                continue;
            }
            const auto amount = core::parseMoney(text, *currency);
            if (!amount) {
                *error = tr("\"%1\" is not a price (row %2, %3).")
                             .arg(text, m_prices->verticalHeaderItem(row)->text(), types[column]);
                return std::nullopt;
            }
            (void)table.setPrice(
                m_prices->verticalHeaderItem(row)->data(Qt::UserRole).toString().toStdString(),
                idOf(types[column]), *amount);
        }
    }
    // Every category needs the first ticket type's price: that is what a sale charges by default.
    for (int row = 0; row < m_prices->rowCount(); ++row) {
        const std::string category =
            m_prices->verticalHeaderItem(row)->data(Qt::UserRole).toString().toStdString();
        if (!table.price(category, table.ticketTypes().front().id)) {
            *error = tr("Give %1 a %2 price.").arg(m_prices->verticalHeaderItem(row)->text(), types.front());
            return std::nullopt;
        }
    }
    return table;
}

std::optional<protocol::EventInput> EventForm::input(QString* error) const {
    QString problem;
    QString* why = error != nullptr ? error : &problem;
    if (m_name->text().trimmed().isEmpty()) {
        *why = tr("Give the event a title.");
        return std::nullopt;
    }
    if (m_venue->currentIndex() < 0) {
        *why = tr("Choose a venue with a published layout.");
        return std::nullopt;
    }
    auto table = prices(why);
    if (!table) {
        return std::nullopt;
    }
    protocol::EventInput input;
    input.name = m_name->text().trimmed().toStdString();
    input.category = m_category->currentText().trimmed().toStdString();
    input.description = m_description->toPlainText().toStdString();
    input.venueId = m_venue->currentData().toString().toStdString();
    input.layoutVersion = m_layoutVersion->value();
    input.startsAt = toTimestamp(m_starts->dateTime());
    input.doorsAt = toTimestamp(m_doors->dateTime());
    input.saleStartsAt = toTimestamp(m_saleStarts->dateTime());
    input.saleEndsAt = toTimestamp(m_saleEnds->dateTime());
    input.holdTtlSeconds = m_holdMinutes->value() * 60;
    input.maxPerOrder = m_perOrder->value();
    input.maxPerCustomer = m_perCustomer->value();
    input.prices = toJson(*table);
    return input;
}

} // namespace usher::admin
