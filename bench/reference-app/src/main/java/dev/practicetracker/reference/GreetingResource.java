package dev.practicetracker.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The reference application's one endpoint: enough for Quarkus REST and Jackson to start as in the services. */
@Path("/greeting")
public class GreetingResource {

    /** What the endpoint answers. */
    public record Greeting(String message) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting greet() {
        return new Greeting("ready");
    }
}
