package io.huddle.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/** What simulated customers and agents say, and who the customers are. */
final class Scripts {
    private Scripts() {
    }

    static final List<String> CUSTOMERS = List.of("Maria Silva", "John Carter", "Aiko Tanaka", "Lena Fischer",
            "Omar Haddad", "Priya Nair", "Tomás Ruiz", "Grace Okafor", "Noah Schmidt", "Chloé Martin",
            "Ivan Petrov", "Sara Lindqvist", "Ahmed Khan", "Emma Rossi", "Lucas Moreau", "Mei Chen");

    static final List<String> QUEUES = List.of("Billing", "Technical support", "Orders", "Retention");

    static final List<String> CUSTOMER_LINES = List.of(
            "Hi, I was charged twice for my subscription this month.",
            "I've been waiting for my order for two weeks now.",
            "The app keeps logging me out every few minutes.",
            "Can you explain this fee on my invoice?",
            "I'd like to cancel my contract, please.",
            "That doesn't really solve my problem.",
            "OK, and how long will that take?",
            "I already tried restarting it twice.",
            "Can I speak to someone more senior?",
            "Thanks, that helps a lot.",
            "My reference number is 48213-B.",
            "Is there any discount you can offer me?");

    static final List<String> AGENT_LINES = List.of(
            "I'm sorry to hear that, let me look into it for you.",
            "Could you confirm the email address on the account?",
            "I can see the duplicate charge here.",
            "Let me check with the team, one moment please.",
            "I've raised a ticket with our technical team.",
            "The refund should appear within five working days.",
            "Is there anything else I can help you with today?",
            "I understand your frustration.",
            "I'll put you on a short hold while I check.",
            "Thank you for your patience.");

    static final List<String> HELP_REASONS = List.of("Customer escalation", "Policy question", "Technical issue",
            "Billing dispute");

    static String pick(List<String> list, RandomGenerator random) {
        return list.get(random.nextInt(list.size()));
    }
}
