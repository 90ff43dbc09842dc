package org.tonkla.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tonkla.platform.ThaiDates;

/** The signed-in start page; what it lists comes from the model attributes other modules add. */
@Controller
class HomePage {

    private final Clock clock;

    HomePage(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("today", LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
        return "home";
    }
}
