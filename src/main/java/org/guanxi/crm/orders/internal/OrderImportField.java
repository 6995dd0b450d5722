package org.guanxi.crm.orders.internal;

import static org.guanxi.crm.platform.imports.ImportField.named;

import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportField;

/**
 * What a column of an order file may hold, and the column names (English, simplified and
 * traditional Chinese, written without spaces, dashes or underscores and in lower case) that are
 * taken for it without asking.
 */
enum OrderImportField implements ImportField {
  ORDER_NUMBER(
      named(
          "orderNumber",
          "invoiceno",
          "invoice",
          "invoicenumber",
          "orderno",
          "ordernumber",
          "order",
          "订单号",
          "订单编号",
          "单号",
          "发票号",
          "訂單號",
          "訂單編號",
          "單號")),
  ORDER_DATE(
      named("orderDate", "invoicedate", "orderdate", "date", "日期", "订单日期", "下单日期", "訂單日期", "下單日期")),
  CUSTOMER_KEY(
      named(
          "customerKey",
          "customerid",
          "customerkey",
          "customerno",
          "customernumber",
          "customercode",
          "客户编号",
          "客户id",
          "客户代码",
          "客戶編號",
          "客戶代碼")),
  CUSTOMER_NAME(named("customerName", "customername", "customer", "客户名称", "客户", "客戶名稱", "客戶")),
  PRODUCT_CODE(
      named(
          "productCode",
          "stockcode",
          "productcode",
          "sku",
          "itemcode",
          "productid",
          "产品编码",
          "商品编码",
          "产品代码",
          "货号",
          "產品編碼",
          "商品編碼",
          "貨號")),
  DESCRIPTION(
      named(
          "description",
          "description",
          "productname",
          "itemname",
          "product",
          "产品名称",
          "商品名称",
          "品名",
          "描述",
          "產品名稱",
          "商品名稱")),
  QUANTITY(named("quantity", "quantity", "qty", "数量", "數量")),
  UNIT_PRICE(named("unitPrice", "unitprice", "price", "单价", "單價")),
  UNIT_COST(named("unitCost", "unitcost", "cost", "成本", "单位成本", "單位成本")),
  DISCOUNT(named("discount", "discount", "discountpercent", "折扣", "折扣率")),
  CURRENCY(named("currency", "currency", "币种", "货币", "幣別", "貨幣")),
  COUNTRY(named("country", "country", "国家", "國家")),
  UNIT(named("unit", "unit", "uom", "单位", "單位"));

  private final Column column;

  OrderImportField(Column column) {
    this.column = column;
  }

  @Override
  public Column column() {
    return column;
  }

  /**
   * Refuses a mapping that leaves out what every order line needs: order number, date, customer
   * key, quantity, unit price, and a product code or a description.
   */
  static ColumnMapping<OrderImportField> requireComplete(ColumnMapping<OrderImportField> mapping) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    for (OrderImportField field :
        List.of(ORDER_NUMBER, ORDER_DATE, CUSTOMER_KEY, QUANTITY, UNIT_PRICE)) {
      if (!mapping.fills(field)) {
        errors.add(
            new InvalidInput.FieldError(
                "mapping." + field.key(),
                "not-mapped",
                "Choose the column that holds the " + field.key()));
      }
    }
    if (!mapping.fills(PRODUCT_CODE) && !mapping.fills(DESCRIPTION)) {
      errors.add(
          new InvalidInput.FieldError(
              "mapping.productCode",
              "not-mapped",
              "Choose the column that holds the product code or the description"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return mapping;
  }
}
