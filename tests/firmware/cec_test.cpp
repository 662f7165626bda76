// SPDX-License-Identifier: Apache-2.0
// HDMI-CEC display power against a test double of the kernel's CEC ioctls:
// the exact messages for standby and wake, the logical address claimed when
// none is configured, and what is logged when no adapter or no TV answers.
#include <doctest/doctest.h>

#include <linux/cec.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "firmware/CecAdapter.hpp"
#include "firmware/DisplayPower.hpp"

using namespace newsticker::firmware;

namespace {

// A CEC adapter as the kernel presents it: a Raspberry Pi's vc4 HDMI at
// physical address 1.0.0.0, logical addresses claimed or not.
struct FakeCecBus {
  bool configured = true;  // a logical address is already claimed (Playback 1 = 4)
  std::uint16_t physical = 0x1000;
  unsigned tx_status = CEC_TX_STATUS_OK;
  std::vector<std::vector<unsigned char>> sent;  // every transmitted message's bytes
  std::vector<unsigned long> requests;
  cec_log_addrs claimed{};
};

class FakeCecIo final : public CecIo {
 public:
  explicit FakeCecIo(FakeCecBus& bus) : bus_(bus) {}
  int control(unsigned long request, void* argument) override {
    bus_.requests.push_back(request);
    if (request == CEC_ADAP_G_CAPS) {
      auto* caps = static_cast<cec_caps*>(argument);
      std::strcpy(caps->driver, "vc4_hdmi");
      caps->capabilities = CEC_CAP_PHYS_ADDR | CEC_CAP_LOG_ADDRS | CEC_CAP_TRANSMIT;
      caps->available_log_addrs = 1;
      return 0;
    }
    if (request == CEC_S_MODE) {
      return *static_cast<__u32*>(argument) == (CEC_MODE_INITIATOR | CEC_MODE_NO_FOLLOWER) ? 0 : -1;
    }
    if (request == CEC_ADAP_G_PHYS_ADDR) {
      *static_cast<__u16*>(argument) = bus_.physical;
      return 0;
    }
    if (request == CEC_ADAP_G_LOG_ADDRS) {
      auto* addresses = static_cast<cec_log_addrs*>(argument);
      *addresses = cec_log_addrs{};
      if (bus_.configured) {
        addresses->num_log_addrs = 1;
        addresses->log_addr[0] = CEC_LOG_ADDR_PLAYBACK_1;
        addresses->log_addr_mask = 1 << CEC_LOG_ADDR_PLAYBACK_1;
      }
      return 0;
    }
    if (request == CEC_ADAP_S_LOG_ADDRS) {
      bus_.claimed = *static_cast<cec_log_addrs*>(argument);
      bus_.configured = true;
      return 0;
    }
    if (request == CEC_TRANSMIT) {
      auto* message = static_cast<cec_msg*>(argument);
      bus_.sent.emplace_back(message->msg, message->msg + message->len);
      message->tx_status = static_cast<__u8>(bus_.tx_status);
      return 0;
    }
    errno = ENOTTY;
    return -1;
  }

 private:
  FakeCecBus& bus_;
};

using Bytes = std::vector<unsigned char>;

struct LoggedLine {
  LogLevel level;
  std::string text;
};

}  // namespace

TEST_CASE("standby is <Standby> 0x36 from our logical address to the TV") {
  FakeCecBus bus;
  CecAdapter adapter(std::make_unique<FakeCecIo>(bus), "/dev/cec0");
  std::string error;
  REQUIRE(adapter.standby(error));
  REQUIRE(bus.sent.size() == 1);
  CHECK(bus.sent[0] == Bytes{0x40, CEC_MSG_STANDBY});  // Playback 1 (4) -> TV (0)
  CHECK(CEC_MSG_STANDBY == 0x36);
}

TEST_CASE("wake is <Image View On> 0x04 to the TV, then <Active Source> 0x82 broadcast with the physical address") {
  FakeCecBus bus;
  bus.physical = 0x2100;  // HDMI 2, through a switch's port 1
  CecAdapter adapter(std::make_unique<FakeCecIo>(bus), "/dev/cec0");
  std::string error;
  REQUIRE(adapter.wake(error));
  REQUIRE(bus.sent.size() == 2);
  CHECK(bus.sent[0] == Bytes{0x40, 0x04});
  CHECK(bus.sent[1] == Bytes{0x4F, 0x82, 0x21, 0x00});
  CHECK(CEC_MSG_IMAGE_VIEW_ON == 0x04);
  CHECK(CEC_MSG_ACTIVE_SOURCE == 0x82);
}

TEST_CASE("an unconfigured adapter gets a Playback logical address named newsticker before anything is sent") {
  FakeCecBus bus;
  bus.configured = false;
  CecAdapter adapter(std::make_unique<FakeCecIo>(bus), "/dev/cec0");
  std::string error;
  REQUIRE(adapter.standby(error));
  CHECK(bus.claimed.num_log_addrs == 1);
  CHECK(bus.claimed.log_addr_type[0] == CEC_LOG_ADDR_TYPE_PLAYBACK);
  CHECK(bus.claimed.primary_device_type[0] == CEC_OP_PRIM_DEVTYPE_PLAYBACK);
  CHECK(std::string(bus.claimed.osd_name) == "newsticker");
  CHECK(adapter.logicalAddress() == CEC_LOG_ADDR_PLAYBACK_1);
  REQUIRE(bus.sent.size() == 1);
  CHECK(bus.sent[0] == Bytes{0x40, 0x36});
}

TEST_CASE("a TV that does not acknowledge, or no TV at all, is an error that says so") {
  FakeCecBus bus;
  bus.tx_status = CEC_TX_STATUS_NACK | CEC_TX_STATUS_MAX_RETRIES;
  CecAdapter adapter(std::make_unique<FakeCecIo>(bus), "/dev/cec0");
  std::string error;
  CHECK_FALSE(adapter.standby(error));
  CHECK(error == "<Standby> to the TV on /dev/cec0 was not acknowledged (no device answered at that address)");
  bus.tx_status = CEC_TX_STATUS_OK;
  bus.physical = CEC_PHYS_ADDR_INVALID;
  CHECK_FALSE(adapter.wake(error));
  CHECK(error == "<Active Source> not sent on /dev/cec0: no physical address (is the TV connected?)");
  CHECK(bus.sent.back() == Bytes{0x40, 0x04});  // Image View On went; Active Source did not
}

TEST_CASE("the schedule's off and on go to the TV; a missing adapter is logged once, clearly") {
  std::vector<LoggedLine> log;
  const auto sink = [&](LogLevel level, const std::string& text) { log.push_back({level, text}); };
  FakeCecBus bus;
  DisplayPower power(
      true, "/dev/cec0",
      [&](const std::string& path, std::string&) -> std::unique_ptr<CecIo> {
        CHECK(path == "/dev/cec0");
        return std::make_unique<FakeCecIo>(bus);
      },
      sink);
  power.screenTurned(false);
  power.screenTurned(true);
  REQUIRE(bus.sent.size() == 3);
  CHECK(bus.sent[0] == Bytes{0x40, 0x36});
  CHECK(bus.sent[1] == Bytes{0x40, 0x04});
  CHECK(bus.sent[2] == Bytes{0x4F, 0x82, 0x10, 0x00});
  REQUIRE(log.size() == 2);
  CHECK(log[0].text == "CEC: TV sent to standby (/dev/cec0)");

  log.clear();
  DisplayPower missing(true, "/dev/cec7", openCecDevice, sink);
  missing.screenTurned(false);
  missing.screenTurned(true);
  missing.screenTurned(false);
  REQUIRE(log.size() == 1);  // the same reason again is not repeated
  CHECK(log[0].level == LogLevel::Warning);
  CHECK(log[0].text ==
        "CEC: no adapter answers at /dev/cec7 (No such file or directory); the schedule only blanks "
        "the picture and the TV stays on (display: {cec: false} stops trying)");

  log.clear();
  DisplayPower off(
      false, "/dev/cec0",
      [&](const std::string&, std::string&) -> std::unique_ptr<CecIo> {
        FAIL("CEC off opens nothing");
        return nullptr;
      },
      sink);
  off.screenTurned(false);
  CHECK(log.empty());
}
