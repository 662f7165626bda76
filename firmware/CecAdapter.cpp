// SPDX-License-Identifier: Apache-2.0
#include "firmware/CecAdapter.hpp"

#include <fcntl.h>
#include <linux/cec-funcs.h>
#include <linux/cec.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace newsticker::firmware {
namespace {

class CecDevice final : public CecIo {
 public:
  explicit CecDevice(int fd) : fd_(fd) {}
  ~CecDevice() override { ::close(fd_); }
  int control(unsigned long request, void* argument) override {
    int result = 0;
    do {
      result = ::ioctl(fd_, request, argument);
    } while (result != 0 && errno == EINTR);
    return result;
  }

 private:
  int fd_;
};

std::string hex16(std::uint16_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "%x.%x.%x.%x", value >> 12, (value >> 8) & 0xf, (value >> 4) & 0xf, value & 0xf);
  return text;
}

// Why a transmit with `tx_status` failed, in words.
std::string transmitFailure(unsigned tx_status) {
  if (tx_status & CEC_TX_STATUS_NACK) return "not acknowledged (no device answered at that address)";
  if (tx_status & CEC_TX_STATUS_ARB_LOST) return "lost arbitration on a busy bus";
  if (tx_status & CEC_TX_STATUS_LOW_DRIVE) return "the bus was driven low (a faulty device or cable)";
  if (tx_status & CEC_TX_STATUS_TIMEOUT) return "timed out";
  if (tx_status & CEC_TX_STATUS_ABORTED) return "aborted (the HDMI cable was unplugged?)";
  return "failed (status " + std::to_string(tx_status) + ")";
}

}  // namespace

std::unique_ptr<CecIo> openCecDevice(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<CecDevice>(fd);
}

CecAdapter::CecAdapter(std::unique_ptr<CecIo> io, std::string path) : io_(std::move(io)), path_(std::move(path)) {}

bool CecAdapter::prepare(std::string& error) {
  if (prepared_) return true;
  cec_caps caps{};
  if (io_->control(CEC_ADAP_G_CAPS, &caps) != 0) {
    error = path_ + " is not a CEC adapter: " + std::strerror(errno);
    return false;
  }
  __u32 mode = CEC_MODE_INITIATOR | CEC_MODE_NO_FOLLOWER;
  if (io_->control(CEC_S_MODE, &mode) != 0) {
    error = "cannot send on " + path_ + ": " + std::strerror(errno);
    return false;
  }
  cec_log_addrs addresses{};
  if (io_->control(CEC_ADAP_G_LOG_ADDRS, &addresses) != 0) {
    error = "cannot read the logical addresses of " + path_ + ": " + std::strerror(errno);
    return false;
  }
  if (addresses.num_log_addrs == 0 && (caps.capabilities & CEC_CAP_LOG_ADDRS) != 0) {
    // Nobody configured the adapter: present ourselves as a playback device.
    cec_log_addrs claim{};
    claim.cec_version = CEC_OP_CEC_VERSION_1_4;
    claim.vendor_id = CEC_VENDOR_ID_NONE;
    claim.num_log_addrs = 1;
    claim.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    claim.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    claim.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    claim.flags = CEC_LOG_ADDRS_FL_ALLOW_UNREG_FALLBACK;
    std::snprintf(claim.osd_name, sizeof claim.osd_name, "%s", "newsticker");
    if (io_->control(CEC_ADAP_S_LOG_ADDRS, &claim) != 0) {
      error = "cannot claim a logical address on " + path_ + ": " + std::strerror(errno);
      return false;
    }
  }
  prepared_ = true;
  readAddresses();
  return true;
}

void CecAdapter::readAddresses() {
  // Both change with the TV: the addresses are claimed again at each hotplug.
  cec_log_addrs addresses{};
  if (io_->control(CEC_ADAP_G_LOG_ADDRS, &addresses) == 0) {
    logical_ = addresses.num_log_addrs > 0 && addresses.log_addr[0] != CEC_LOG_ADDR_INVALID ? addresses.log_addr[0]
                                                                                            : CEC_LOG_ADDR_UNREGISTERED;
  }
  __u16 physical = CEC_PHYS_ADDR_INVALID;
  if (io_->control(CEC_ADAP_G_PHYS_ADDR, &physical) == 0) physical_ = physical;
}

bool CecAdapter::transmit(cec_msg& message, const char* what, std::string& error) {
  if (io_->control(CEC_TRANSMIT, &message) != 0) {
    error = std::string("cannot send ") + what + " on " + path_ + ": " + std::strerror(errno);
    return false;
  }
  if (message.tx_status != 0 && (message.tx_status & CEC_TX_STATUS_OK) == 0) {
    error = std::string(what) + " on " + path_ + " was " + transmitFailure(message.tx_status);
    return false;
  }
  return true;
}

bool CecAdapter::standby(std::string& error) {
  if (!prepare(error)) return false;
  readAddresses();
  cec_msg message{};
  cec_msg_init(&message, static_cast<__u8>(logical_), CEC_LOG_ADDR_TV);
  cec_msg_standby(&message);
  return transmit(message, "<Standby> to the TV", error);
}

bool CecAdapter::wake(std::string& error) {
  if (!prepare(error)) return false;
  readAddresses();
  cec_msg message{};
  cec_msg_init(&message, static_cast<__u8>(logical_), CEC_LOG_ADDR_TV);
  cec_msg_image_view_on(&message);
  if (!transmit(message, "<Image View On> to the TV", error)) return false;
  if (physical_ == CEC_PHYS_ADDR_INVALID) {
    error = "<Active Source> not sent on " + path_ + ": no physical address (is the TV connected?)";
    return false;
  }
  cec_msg_init(&message, static_cast<__u8>(logical_), CEC_LOG_ADDR_BROADCAST);
  cec_msg_active_source(&message, physical_);
  return transmit(message, ("<Active Source> " + hex16(physical_)).c_str(), error);
}

}  // namespace newsticker::firmware
