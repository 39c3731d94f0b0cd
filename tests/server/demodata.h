// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Natter::Testing {

class Store;

/// Demo accounts, all with the password "demo": alice ("Alice Liddell"), bob ("Bob Marley"),
/// carol ("Carol Danvers"). Flows: the chat alice–bob, the group "Natter team" (all three),
/// the channel "Announcements" (owner alice, all three members). 21 messages over the last three
/// days; one carries an 8x8 PNG picture, one is edited. Does nothing if alice already exists.
void seedDemo(Store &store);

/// Base64 of a valid 8x8 RGB PNG (183 bytes), the demo picture.
QString demoPictureBase64();

inline const QString DemoPassword = QStringLiteral("demo");

} // namespace Natter::Testing
