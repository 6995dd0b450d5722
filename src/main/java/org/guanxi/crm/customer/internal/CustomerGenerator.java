package org.guanxi.crm.customer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.UserSummary;

/**
 * Realistic made-up customers — Chinese and English people and companies across industries and
 * cities — for the demo workspace and for trying the CRM at scale. The same seed gives the same
 * customers.
 */
final class CustomerGenerator {

  private static final String[] SURNAMES =
      "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 武 戴 莫 孔 向 汤 欧阳 司马 上官"
          .split(" ");
  private static final String[] GIVEN =
      "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 建华 建国 志强 晓东 海燕 雪梅 丹 鑫 宇 浩 欣怡 梓涵 子轩 一诺 思远 嘉怡 雨桐 俊杰 文博 佳琪 晨 悦 婷 博文 天佑 紫萱"
          .split(" ");
  private static final String[] FIRST_NAMES =
      "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Susan Richard Jessica Thomas Sarah Daniel Emma Oliver Sophia"
          .split(" ");
  private static final String[] LAST_NAMES =
      "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Lewis Walker Young King Wright Scott Green Baker Adams Nelson"
          .split(" ");
  private static final String[] COMPANY_WORDS =
      "华信 东方 恒达 中科 金桥 新锐 远航 瑞丰 鼎盛 天成 宏图 博远 长城 海纳 星辰 云帆 智联 盛世 嘉禾 同创 润泽 安捷 汇通 德信 九州".split(" ");
  private static final String[] COMPANY_SUFFIXES =
      "科技有限公司 贸易有限公司 制造有限公司 实业有限公司 信息技术有限公司 医药有限公司 物流有限公司 食品有限公司 电子有限公司 咨询有限公司".split(" ");
  private static final String[] ENGLISH_COMPANIES =
      "Acme Northwind Contoso Fabrikam Globex Initech Umbrella Stark Wayne Tyrell Cyberdyne Soylent Hooli Vandelay Wonka"
          .split(" ");
  private static final String[] ENGLISH_SUFFIXES =
      "Trading Ltd|Industries Inc|Logistics Co|Foods Ltd|Electronics GmbH|Consulting LLC"
          .split("\\|");
  private static final String[] CITIES =
      "北京 上海 广州 深圳 杭州 南京 苏州 成都 武汉 西安 重庆 天津 青岛 厦门 长沙 郑州 宁波 合肥 台北 香港 Singapore London".split(" ");
  private static final String[] INDUSTRIES =
      "制造业 零售 医疗健康 金融 教育 物流 信息技术 餐饮 房地产 能源 Manufacturing Retail".split(" ");
  private static final String[] SOURCES = "展会 官网 转介绍 电话营销 合作伙伴 广告 Web Referral".split(" ");
  private static final String[] TAGS = "VIP 复购 价格敏感 高潜力 华东 华南 出口 老客户 newsletter".split(" ");
  private static final String[] EMAIL_DOMAINS =
      "example.com example.cn mail.example.org qq.example.com".split(" ");

  private final Random random;

  CustomerGenerator(long seed) {
    this.random = new Random(seed);
  }

  CustomerStore.Content next(List<UserSummary> owners, LocalDate today) {
    boolean organisation = random.nextInt(100) < 45;
    boolean english = random.nextInt(100) < 20;
    String name = organisation ? company(english) : person(english);
    UserSummary owner = owners.get(random.nextInt(owners.size()));
    String phone =
        "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    String email =
        random.nextInt(100) < 70
            ? "c" + Long.toString(random.nextLong() & 0xffffffffL, 36) + "@" + pick(EMAIL_DOMAINS)
            : null;
    LocalDate birthday = organisation ? null : today.minusDays(18 * 365 + random.nextInt(50 * 365));
    String city = pick(CITIES);
    PersonalData personal =
        new PersonalData(
            phone,
            email,
            null,
            birthday,
            random.nextBoolean() ? city + "市中山路" + (1 + random.nextInt(999)) + "号" : null);
    return new CustomerStore.Content(
        organisation ? CustomerKind.ORGANIZATION : CustomerKind.INDIVIDUAL,
        name,
        pick(INDUSTRIES),
        pick(SOURCES),
        city,
        LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)],
        random.nextInt(100) < 10 ? Classification.KEY_ACCOUNT : Classification.ORDINARY,
        random.nextInt(100) < 40 ? List.of(pick(TAGS)) : List.of(),
        null,
        owner.id(),
        owner.teamId(),
        personal,
        java.util.Map.of());
  }

  private String person(boolean english) {
    if (english) {
      return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
    }
    return pick(SURNAMES) + pick(GIVEN) + (random.nextInt(100) < 30 ? pick(GIVEN) : "");
  }

  private String company(boolean english) {
    if (english) {
      return pick(ENGLISH_COMPANIES) + " " + pick(ENGLISH_SUFFIXES);
    }
    String city = pick(CITIES);
    return (city.matches("\\p{IsHan}+") ? city : "") + pick(COMPANY_WORDS) + pick(COMPANY_SUFFIXES);
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
