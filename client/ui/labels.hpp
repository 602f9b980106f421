#pragma once
//! Display text for the domain's stored tokens (domain.hpp): the store keeps
//! English tokens, people read Swedish (or English through the .qm file).

#include <QString>
#include <QStringList>
#include <span>
#include <string_view>

namespace varn::ui {

[[nodiscard]] QString label_for(const QString& token);
[[nodiscard]] QStringList tokens(std::span<const std::string_view> values);

}  // namespace varn::ui
