package io.aitrader.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorShapeTest {

    @Test
    void unknownPathIsNotFoundInContractShape() {
        given().when().get("/no/such/path").then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", notNullValue());
    }
}
